using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// Scans and photos: a PDF without a text layer (its pages rendered by poppler's pdftoppm) or a PNG,
/// JPEG or TIFF image, read by tesseract with the Vietnamese model, its words put back into the page's lines
/// by where they stand (<see cref="TesseractLayout"/>). These are Debian packages; when one is missing the
/// import says which to install instead of importing nothing.
/// </summary>
public sealed class ScannedDocumentReader(IOptions<ImportOptions> options) : IDocumentReader
{
    public const string InstallHint = "sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

    /// <summary>Pixels one image may have: a photo of an A4 page at 600 dpi is ~35 million.</summary>
    private const long MaxPixels = 120_000_000;

    public string Name => "ocr";

    public bool CanRead(SourceFile file) => PdfFile.Is(file) || ImageKind(file) is not null;

    public async Task<ReadOutcome> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var isPdf = PdfFile.Is(file);
        if (await MissingAsync(isPdf, cancellationToken) is { } missing) return missing;

        using var scratch = new ScratchFolder();
        var images = new List<string>();
        if (isPdf)
        {
            int pageCount;
            using (var document = PdfDocument.Open(file.Bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }))
                pageCount = document.NumberOfPages;
            if (pageCount > settings.MaxOcrPages)
                return new Unreadable(ImportProblem.TooLarge,
                    $"Bản quét \"{file.Name}\" có {pageCount} trang, vượt giới hạn {settings.MaxOcrPages} trang nhận dạng chữ (OCR) cho một lần nhập.");
            var input = scratch.Write("input.pdf", file.Bytes);
            var render = await ExternalTool.RunAsync(ExternalTool.Find(settings.PdfToPpmPath)!,
                ["-r", settings.OcrDpi.ToString(), "-gray", "-png", "-l", settings.MaxOcrPages.ToString(), input, Path.Combine(scratch.Path, "page")],
                TimeSpan.FromSeconds(settings.ToolTimeoutSeconds * Math.Max(1, pageCount)), 1024 * 1024, cancellationToken);
            if (render.ExitCode != 0)
                return new Unreadable(ImportProblem.Damaged, $"Không dựng được ảnh trang của \"{file.Name}\" để nhận dạng chữ: {render.Errors.Trim()}");
            images.AddRange(Directory.GetFiles(scratch.Path, "page*.png").OrderBy(f => f, StringComparer.Ordinal));
        }
        else
        {
            var (extension, pixels) = ImageKind(file)!.Value;
            if (pixels > MaxPixels)
                return new Unreadable(ImportProblem.TooLarge, $"Ảnh \"{file.Name}\" quá lớn ({pixels / 1_000_000} triệu điểm ảnh); hãy chụp hoặc quét ở độ phân giải 300 dpi.");
            images.Add(scratch.Write("image" + extension, file.Bytes));
        }

        var pages = new List<List<string>>();
        foreach (var image in images)
        {
            var ocr = await ExternalTool.RunAsync(ExternalTool.Find(settings.TesseractPath)!,
                [image, "stdout", "-l", settings.OcrLanguage, "--psm", "3", .. TesseractLayout.Output],
                TimeSpan.FromSeconds(settings.ToolTimeoutSeconds), 16 * 1024 * 1024, cancellationToken);
            if (ocr.ExitCode != 0)
                return new Unreadable(ImportProblem.Damaged, $"Tesseract không nhận dạng được \"{file.Name}\": {ocr.Errors.Trim()}");
            try
            {
                pages.Add(TesseractLayout.Lines(Encoding.UTF8.GetString(ocr.Output)));
            }
            catch (System.Xml.XmlException e)
            {
                return new Unreadable(ImportProblem.Damaged, $"Tesseract trả về kết quả không đọc được cho \"{file.Name}\": {e.Message}");
            }
        }
        return new ExtractedText(PageLines.Join(pages), isPdf ? "PDF bản quét (OCR)" : "ảnh chụp/quét (OCR)", images.Count,
            [$"nhận dạng chữ bằng tesseract ({settings.OcrLanguage}), {(isPdf ? settings.OcrDpi + " dpi" : "ảnh gốc")}"]);
    }

    /// <summary>Which of tesseract, its Vietnamese model and pdftoppm are missing, as a refusal naming the Debian packages.</summary>
    private async Task<Unreadable?> MissingAsync(bool needsRenderer, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var missing = new List<string>();
        if (ExternalTool.Find(settings.TesseractPath) is not { } tesseract) missing.Add("tesseract-ocr");
        else
        {
            var list = await ExternalTool.RunAsync(tesseract, ["--list-langs"], TimeSpan.FromSeconds(30), 1024 * 1024, cancellationToken);
            var installed = Encoding.UTF8.GetString(list.Output).Split('\n', StringSplitOptions.TrimEntries).ToHashSet();
            foreach (var language in settings.OcrLanguage.Split('+'))
                if (!installed.Contains(language)) missing.Add("tesseract-ocr-" + language);
        }
        if (needsRenderer && ExternalTool.Find(settings.PdfToPpmPath) is null) missing.Add("poppler-utils");
        if (missing.Count == 0) return null;
        return new Unreadable(ImportProblem.MissingTool,
            $"Tệp là bản quét/ảnh, cần nhận dạng chữ (OCR) nhưng máy chưa cài gói Debian: {string.Join(", ", missing)}. Cài bằng: {InstallHint}");
    }

    /// <summary>PNG, JPEG or TIFF by their magic bytes, with the pixel count where the header gives it cheaply (0 otherwise).</summary>
    private static (string Extension, long Pixels)? ImageKind(SourceFile file)
    {
        var b = file.Bytes;
        if (file.StartsWith([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) && b.Length >= 24)
            return (".png", (long)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16)) * BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20)));
        if (file.StartsWith([0xFF, 0xD8, 0xFF])) return (".jpg", JpegPixels(b));
        if (file.StartsWith("II*\0"u8) || file.StartsWith("MM\0*"u8)) return (".tif", 0);
        return null;
    }

    /// <summary>Width × height from the first start-of-frame marker; 0 when none is found.</summary>
    private static long JpegPixels(byte[] b)
    {
        var i = 2;
        while (i + 9 < b.Length && b[i] == 0xFF)
        {
            var marker = b[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (long)BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 5)) * BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 7));
            i += 2 + length;
        }
        return 0;
    }
}
