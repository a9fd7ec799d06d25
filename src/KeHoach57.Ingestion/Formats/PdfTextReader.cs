using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// A PDF with a text layer, read with PdfPig (managed code: nothing to install). Letters are put back
/// into lines by their baselines, left to right, with a blank line where the gap to the next line is
/// clearly wider than the page's usual line pitch. A PDF with (almost) no letters is a scan: declined,
/// for <see cref="ScannedDocumentReader"/>.
/// </summary>
public sealed class PdfTextReader(IOptions<ImportOptions> options) : IDocumentReader
{
    /// <summary>Fewer letters than this per page is a scan (a page number, a stamp), not a text layer.</summary>
    private const int MinLettersPerPage = 40;

    public string Name => "pdf-text";

    public bool CanRead(SourceFile file) => PdfFile.Is(file);

    public Task<ReadOutcome> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        if (PdfFile.IsTruncated(file)) return Task.FromResult<ReadOutcome>(PdfFile.Truncated(file));
        if (!PdfFile.UnpacksWithin(file, options.Value.MaxUnpackedBytes))
            return Task.FromResult<ReadOutcome>(PdfFile.TooMuchUnpacked(file, options.Value.MaxUnpackedBytes));
        try
        {
            using var document = PdfDocument.Open(file.Bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var max = options.Value.MaxPages;
            if (document.NumberOfPages > max) return Task.FromResult<ReadOutcome>(PdfFile.TooManyPages(file, document.NumberOfPages, max));
            var pages = new List<List<string>>();
            var letters = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = document.GetPage(number);
                letters += page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                pages.Add(Lines(page.Letters));
            }
            if (letters < MinLettersPerPage * Math.Max(1, document.NumberOfPages))
                return Task.FromResult<ReadOutcome>(new Declined("PDF không có lớp chữ (bản quét)"));
            return Task.FromResult<ReadOutcome>(new ExtractedText(PageLines.Join(pages), "PDF có lớp chữ", document.NumberOfPages, []));
        }
        catch (PdfDocumentEncryptedException)
        {
            return Task.FromResult<ReadOutcome>(PdfFile.Encrypted(file));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // A malformed PDF makes PdfPig throw all sorts of exceptions; another reader may still make sense of it.
            return Task.FromResult<ReadOutcome>(new Declined($"PdfPig không đọc được PDF: {e.Message}"));
        }
    }

    /// <summary>The page's letters as lines, top to bottom; "" marks a gap wider than the usual line pitch.</summary>
    public static List<string> Lines(IReadOnlyList<Letter> letters)
    {
        var rows = new List<(double Y, List<Letter> Letters)>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var tolerance = Math.Max(1, letter.PointSize * 0.4);
            if (rows.Count > 0 && Math.Abs(rows[^1].Y - letter.StartBaseLine.Y) <= tolerance) rows[^1].Letters.Add(letter);
            else rows.Add((letter.StartBaseLine.Y, [letter]));
        }
        return PageLines.WithGaps(rows.Select(r => (r.Y, Text(r.Letters))).ToList());
    }

    private static string Text(List<Letter> row)
    {
        var sb = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in row.OrderBy(l => l.StartBaseLine.X))
        {
            if (previous is not null && sb.Length > 0 && sb[^1] != ' '
                && letter.StartBaseLine.X - previous.EndBaseLine.X > Math.Max(0.5, previous.PointSize * 0.15)) sb.Append(' ');
            sb.Append(letter.Value);
            previous = letter;
        }
        return sb.ToString();
    }
}
