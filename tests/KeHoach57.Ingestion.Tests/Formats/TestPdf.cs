using KeHoach57.Ingestion.Formats;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>
/// PDFs made in the test, never downloaded: text laid out line by line in a Vietnamese-capable TrueType
/// font (DejaVu, Debian's fonts-dejavu-core), tables drawn as columns, and scans made by rendering such a
/// PDF to images (pdftoppm) and wrapping the images in a PDF with no text layer.
/// </summary>
public static class TestPdf
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    private const double Left = 56, Top = 800, Bottom = 50, Width = 483, Size = 10.5, Leading = 14;

    public static bool CanBuild => File.Exists(FontPath);

    public static void SkipUnlessFont() =>
        Assert.SkipUnless(CanBuild, $"{FontPath} not found: install Debian's fonts-dejavu-core (.ci/run does) to build test PDFs");

    /// <summary>
    /// The lines of a text export as PDF pages: a line the export indents by one space starts a new page (that
    /// is how it marks page breaks), a blank line is an empty line, a line too wide for the page is set smaller.
    /// </summary>
    public static byte[] FromText(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(FontPath));
        PdfPageBuilder? page = null;
        var y = Top;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        foreach (var raw in lines)
        {
            if (page is null || y < Bottom || (raw.StartsWith(' ') && raw.Trim().Length > 0 && y < Top))
            {
                page = builder.AddPage(PageSize.A4);
                y = Top;
            }
            var line = raw.Trim();
            if (line.Length > 0)
            {
                var size = Size;
                var width = Measure(page, line, size, font);
                if (width > Width) size = Math.Max(5, size * Width / width);
                page.AddText(line, size, new PdfPoint(Left, y), font);
            }
            y -= Leading;
        }
        return builder.Build();
    }

    /// <summary>A table in columns, each cell's text wrapped inside its column, rows separated by a rule.</summary>
    public static byte[] Table(string caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, double[] columnWidths)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(FontPath));
        var page = builder.AddPage(PageSize.A4);
        var y = Top;
        page.AddText(caption, 12, new PdfPoint(Left, y), font);
        y -= 2 * Leading;
        foreach (var row in new[] { header }.Concat(rows))
        {
            var cells = row.Select((cell, i) => Wrap(page, cell, columnWidths[i] - 6, font)).ToList();
            var height = cells.Max(c => c.Count) * Leading;
            if (y - height < Bottom)
            {
                page = builder.AddPage(PageSize.A4);
                y = Top;
            }
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                for (var j = 0; j < cells[i].Count; j++) page.AddText(cells[i][j], Size, new PdfPoint(x + 3, y - j * Leading), font);
                x += columnWidths[i];
            }
            y -= height;
            page.DrawLine(new PdfPoint(Left, y + Leading - 3), new PdfPoint(Left + columnWidths.Sum(), y + Leading - 3), 0.5);
            y -= 4;
        }
        return builder.Build();
    }

    /// <summary>Each page of <paramref name="pdf"/> rendered at <paramref name="dpi"/> (pdftoppm) and put back as an image: a scan without a text layer.</summary>
    public static byte[] Scan(byte[] pdf, int dpi = 300, int? onlyPage = null)
    {
        using var scratch = new ScratchFolder();
        var input = scratch.Write("in.pdf", pdf);
        var range = onlyPage is { } p ? new[] { "-f", p.ToString(), "-l", p.ToString() } : [];
        var result = ExternalTool.RunAsync(ExternalTool.Find("pdftoppm")!, [.. range, "-r", dpi.ToString(), "-gray", "-png", input, Path.Combine(scratch.Path, "page")],
            TimeSpan.FromMinutes(5), 1 << 20, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal(0, result.ExitCode);
        var builder = new PdfDocumentBuilder();
        foreach (var png in Directory.GetFiles(scratch.Path, "page*.png").OrderBy(f => f, StringComparer.Ordinal))
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddPng(File.ReadAllBytes(png), new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        }
        return builder.Build();
    }

    /// <summary>The PNG of one page, as a photo or scanner would hand it over.</summary>
    public static byte[] PageImage(byte[] pdf, int page, int dpi = 300)
    {
        using var scratch = new ScratchFolder();
        var input = scratch.Write("in.pdf", pdf);
        var result = ExternalTool.RunAsync(ExternalTool.Find("pdftoppm")!, ["-f", page.ToString(), "-l", page.ToString(), "-r", dpi.ToString(), "-gray", "-png", "-singlefile", input, Path.Combine(scratch.Path, "page")],
            TimeSpan.FromMinutes(5), 1 << 20, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal(0, result.ExitCode);
        return File.ReadAllBytes(Path.Combine(scratch.Path, "page.png"));
    }

    private static double Measure(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    private static List<string> Wrap(PdfPageBuilder page, string text, double width, PdfDocumentBuilder.AddedFont font)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Measure(page, candidate, Size, font) > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }
}
