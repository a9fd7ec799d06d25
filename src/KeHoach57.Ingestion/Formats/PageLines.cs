using System.Text;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// Lays pages out as the plain-text exports are: lines trimmed with their inner runs of spaces made one,
/// a blank line where the page had a gap, and each page after the first opened by a one-space indent,
/// which is how the import tells a page break from a paragraph break.
/// </summary>
public static class PageLines
{
    /// <param name="pages">Each page's lines top to bottom; "" where the page leaves a gap.</param>
    public static string Join(IEnumerable<IEnumerable<string>> pages)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var page in pages)
        {
            var lines = page.Select(Clean).ToList();
            // Gaps at a page's top and bottom are margins, not paragraph breaks.
            var start = lines.FindIndex(l => l.Length > 0);
            if (start < 0) continue;
            var end = lines.FindLastIndex(l => l.Length > 0);
            var blank = false;
            for (var i = start; i <= end; i++)
            {
                if (lines[i].Length == 0)
                {
                    if (!blank) sb.Append('\n');
                    blank = true;
                    continue;
                }
                blank = false;
                if (i == start && !first) sb.Append(' ');
                sb.Append(lines[i]).Append('\n');
            }
            first = false;
        }
        return sb.ToString();
    }

    /// <summary>
    /// Rows of a page top to bottom at their vertical positions, with "" where the gap to the next row is clearly
    /// wider than the page's usual line pitch (an empty line in the source), as <see cref="Join"/> takes them.
    /// </summary>
    public static List<string> WithGaps(IReadOnlyList<(double Position, string Text)> rows)
    {
        var pitches = rows.Zip(rows.Skip(1), (a, b) => Math.Abs(a.Position - b.Position)).Where(p => p > 0).OrderBy(p => p).ToList();
        var pitch = pitches.Count > 0 ? pitches[pitches.Count / 2] : 0;
        var lines = new List<string>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && pitch > 0 && Math.Abs(rows[i - 1].Position - rows[i].Position) > GapPitches * pitch) lines.Add("");
            lines.Add(rows[i].Text);
        }
        return lines;
    }

    /// <summary>An empty line in the source puts its neighbours two pitches apart; a tall diacritic or a subscript moves a row far less.</summary>
    private const double GapPitches = 1.6;

    private static string Clean(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var ch in line.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else if (!char.IsControl(ch)) sb.Append(ch);
        }
        return sb.ToString();
    }
}
