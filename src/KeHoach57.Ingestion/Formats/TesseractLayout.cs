using System.Globalization;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// A page as tesseract read it (its "tsv" output: every word with its box and the block, paragraph and line it
/// belongs to) put back into the lines of the page by where they stand, as <see cref="PdfTextReader"/> does with
/// a text layer. Tesseract's plain-text output is not used: it puts an empty line between the paragraphs and
/// blocks it guesses (after every short line, around a heading), which the import would read as paragraph
/// breaks the page does not have, and it prints side-by-side blocks (the two columns of a document's header,
/// the cells of a table row) one after the other instead of on one line.
/// </summary>
public static class TesseractLayout
{
    private readonly record struct Line(double Top, double Bottom, double Left, string Text)
    {
        public double Middle => (Top + Bottom) / 2;
    }

    /// <summary>The page's lines top to bottom, "" where the page leaves an empty line.</summary>
    public static List<string> Lines(string tsv)
    {
        var lines = new Dictionary<(int Block, int Paragraph, int Line), (double Top, double Bottom, double Left, List<string> Words)>();
        var order = new List<(int, int, int)>();
        foreach (var row in tsv.Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            // level page block par line word left top width height conf text; level 5 is a word.
            if (f.Length < 12 || f[0] != "5" || f[11].Trim().Length == 0) continue;
            if (!TryInts(f, out var n)) continue;
            var key = (n[2], n[3], n[4]);
            double left = n[6], top = n[7], bottom = n[7] + n[9];
            if (lines.TryGetValue(key, out var line))
                lines[key] = (Math.Min(line.Top, top), Math.Max(line.Bottom, bottom), Math.Min(line.Left, left), line.Words);
            else
            {
                lines[key] = (top, bottom, left, []);
                order.Add(key);
            }
            lines[key].Words.Add(f[11].Trim());
        }
        var rows = Rows(order.Select(k => lines[k]).Select(l => new Line(l.Top, l.Bottom, l.Left, string.Join(' ', l.Words))));
        return PageLines.WithGaps(rows.Select(r => (r.Sum(l => l.Middle) / r.Count, string.Join(' ', r.OrderBy(l => l.Left).Select(l => l.Text)))).ToList());
    }

    /// <summary>Lines side by side (they overlap by more than half the shorter one's height) make one row.</summary>
    private static List<List<Line>> Rows(IEnumerable<Line> lines)
    {
        var rows = new List<List<Line>>();
        foreach (var line in lines.OrderBy(l => l.Middle))
        {
            var row = rows.LastOrDefault();
            if (row is not null && row.Any(other => Overlap(other, line) > 0.5 * Math.Min(other.Bottom - other.Top, line.Bottom - line.Top)))
                row.Add(line);
            else rows.Add([line]);
        }
        return rows;
    }

    private static double Overlap(Line a, Line b) => Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);

    private static bool TryInts(string[] fields, out int[] values)
    {
        values = new int[10];
        for (var i = 0; i < 10; i++)
            if (!int.TryParse(fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])) return false;
        return true;
    }
}
