using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// A page as tesseract read it (its hOCR output with a box for every line, word and character) put back into
/// the lines of the page by where they stand, as <see cref="PdfTextReader"/> does with a text layer.
/// Tesseract's plain-text output is not used: it puts an empty line between the paragraphs and blocks it
/// guesses (after every short line, around a heading), which the import would read as paragraph breaks the
/// page does not have, and it prints side-by-side blocks (the two columns of a document's header, the cells
/// of a table row) one after the other instead of on one line. Its words are not taken as they are either:
/// the recognizer runs short tokens of a table row together ("6 s 2 eR: A" comes out as one word "6s2eR:A",
/// so the row loses its number), and the characters' boxes show where the page has a space.
/// </summary>
public static class TesseractLayout
{
    /// <summary>Arguments that make tesseract print hOCR with character boxes on standard output.</summary>
    public static readonly string[] Output = ["-c", "hocr_char_boxes=1", "hocr"];

    /// <summary>
    /// A gap between two characters wider than this share of the line's letter height is a space: a space is about
    /// 0.6 of it, letters of one word stand 0.1 apart (measured on 300 dpi scans of the seed plans, where 0.4
    /// split only tokens the page does separate and 0.3 began to split words).
    /// </summary>
    private const double SpaceShare = 0.4;

    private readonly record struct Box(double Left, double Top, double Right, double Bottom);

    private readonly record struct Line(Box Box, string Text)
    {
        public double Middle => (Box.Top + Box.Bottom) / 2;
    }

    /// <summary>The page's lines top to bottom, "" where the page leaves an empty line.</summary>
    /// <exception cref="XmlException">The output is not hOCR.</exception>
    public static List<string> Lines(string hocr)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(hocr), settings);
        var page = XDocument.Load(reader);
        var lines = new List<Line>();
        foreach (var element in page.Descendants())
        {
            var words = element.Elements().Where(e => Class(e) == "ocrx_word").ToList();
            if (words.Count == 0 || BoxOf(element, "bbox") is not { } box) continue;
            var text = string.Join(' ', Words(words).Where(w => w.Length > 0));
            if (text.Length > 0) lines.Add(new Line(box, text));
        }
        var rows = Rows(lines);
        return PageLines.WithGaps(rows.Select(r => (r.Sum(l => l.Middle) / r.Count, string.Join(' ', r.OrderBy(l => l.Box.Left).Select(l => l.Text)))).ToList());
    }

    /// <summary>The line's words, each split where its characters stand a space apart.</summary>
    private static IEnumerable<string> Words(List<XElement> words)
    {
        var characters = words.Select(w => w.Elements().Where(c => Class(c) == "ocrx_cinfo")
            .Select(c => (Box: BoxOf(c, "x_bboxes"), Text: c.Value)).Where(c => c.Box is not null && c.Text.Length > 0).ToList()).ToList();
        var heights = characters.SelectMany(cs => cs).Where(c => c.Text.Any(char.IsLetterOrDigit)).Select(c => c.Box!.Value.Bottom - c.Box.Value.Top).Order().ToList();
        var space = heights.Count > 0 ? SpaceShare * heights[heights.Count / 2] : double.MaxValue;
        for (var i = 0; i < words.Count; i++)
        {
            // Without character boxes (another tesseract build), the word as tesseract gave it.
            if (characters[i].Count == 0)
            {
                yield return words[i].Value.Trim();
                continue;
            }
            var word = new System.Text.StringBuilder(characters[i][0].Text);
            for (var j = 1; j < characters[i].Count; j++)
            {
                // Only before a letter or digit: the boxes of punctuation are loose, and "1." came out as "1 .".
                if (characters[i][j].Text.Any(char.IsLetterOrDigit)
                    && characters[i][j].Box!.Value.Left - characters[i][j - 1].Box!.Value.Right > space) word.Append(' ');
                word.Append(characters[i][j].Text);
            }
            yield return word.ToString().Trim();
        }
    }

    /// <summary>Lines side by side (they overlap by more than half the shorter one's height) make one row.</summary>
    private static List<List<Line>> Rows(IEnumerable<Line> lines)
    {
        var rows = new List<List<Line>>();
        foreach (var line in lines.OrderBy(l => l.Middle))
        {
            var row = rows.LastOrDefault();
            if (row is not null && row.Any(other => Overlap(other.Box, line.Box) > 0.5 * Math.Min(Height(other.Box), Height(line.Box))))
                row.Add(line);
            else rows.Add([line]);
        }
        return rows;
    }

    private static double Height(Box b) => b.Bottom - b.Top;

    private static double Overlap(Box a, Box b) => Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);

    private static string Class(XElement e) => (string?)e.Attribute("class") ?? "";

    /// <summary>"bbox 235 143 1355 179; x_wconf 85" → the box; null when the title has none.</summary>
    private static Box? BoxOf(XElement e, string property)
    {
        foreach (var part in ((string?)e.Attribute("title") ?? "").Split(';', StringSplitOptions.TrimEntries))
        {
            var fields = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5 || fields[0] != property) continue;
            var n = new double[4];
            for (var i = 0; i < 4; i++)
                if (!double.TryParse(fields[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out n[i])) return null;
            return new Box(n[0], n[1], n[2], n[3]);
        }
        return null;
    }
}
