using System.Text;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// A PDF with a text layer, read with poppler's pdftotext -layout (Debian package poppler-utils). Asked
/// only when PdfPig gave up on a malformed file; absent, it declines.
/// </summary>
public sealed class PopplerTextReader(IOptions<ImportOptions> options) : IDocumentReader
{
    public string Name => "pdftotext";

    public bool CanRead(SourceFile file) => PdfFile.Is(file);

    public async Task<ReadOutcome> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (PdfFile.IsTruncated(file)) return PdfFile.Truncated(file);
        if (ExternalTool.Find(settings.PdfToTextPath) is not { } tool) return new Declined("pdftotext chưa được cài (gói poppler-utils)");
        using var scratch = new ScratchFolder();
        var input = scratch.Write("input.pdf", file.Bytes);
        var result = await ExternalTool.RunAsync(tool, ["-layout", "-enc", "UTF-8", "-l", settings.MaxPages.ToString(), input, "-"],
            TimeSpan.FromSeconds(settings.ToolTimeoutSeconds), settings.MaxFileBytes * 4, cancellationToken);
        if (result.ExitCode != 0)
        {
            if (result.Errors.Contains("password", StringComparison.OrdinalIgnoreCase)) return PdfFile.Encrypted(file);
            return new Declined($"pdftotext không đọc được PDF: {result.Errors.Trim()}");
        }
        var pages = Encoding.UTF8.GetString(result.Output).TrimEnd('\f', '\n').Split('\f');
        if (pages.Sum(p => p.Count(char.IsLetter)) < 40 * pages.Length) return new Declined("PDF không có lớp chữ (bản quét)");
        return new ExtractedText(PageLines.Join(pages.Select(p => p.Split('\n'))), "PDF có lớp chữ (pdftotext)", pages.Length, []);
    }
}
