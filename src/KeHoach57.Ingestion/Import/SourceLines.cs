using KeHoach57.Core.Text;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// What separates a line from the one before it: nothing, a page break (the export indents a page's first
/// line), a blank line, or a rule that always ends a paragraph.
/// </summary>
public enum Gap { None, Page, Blank, Hard }

public readonly record struct SourceLine(string Text, Gap Before);

/// <summary>
/// First step of import: normalised, trimmed lines with the blank lines folded into gaps.
/// Some exports put a blank line after every line; there a blank says nothing about paragraphs and is dropped.
/// </summary>
public static class SourceLines
{
    public static List<string> Split(string raw) =>
        VietnameseText.Normalize(raw).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();

    public static List<SourceLine> From(IReadOnlyList<string> lines)
    {
        var blanksMeanNothing = IsDoubleSpaced(lines);
        var result = new List<SourceLine>(lines.Count);
        var gap = Gap.None;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (!blanksMeanNothing && gap == Gap.None) gap = Gap.Blank;
                continue;
            }
            if (!line.Any(char.IsLetterOrDigit))
            {
                gap = Gap.Hard;
                continue;
            }
            result.Add(new SourceLine(line, gap == Gap.None && raw.StartsWith(' ') ? Gap.Page : gap));
            gap = Gap.None;
        }
        return result;
    }

    /// <summary>
    /// A blank after most lines, and the lines are wrapped page lines. Text with one paragraph per line (from
    /// a Word document) also has a blank after most lines, but there each blank does end a paragraph.
    /// </summary>
    private static bool IsDoubleSpaced(IReadOnlyList<string> lines)
    {
        int text = 0, followedByBlank = 0, unwrapped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0) continue;
            text++;
            if (lines[i].Length > UnwrappedLength) unwrapped++;
            if (i + 1 < lines.Count && lines[i + 1].Length == 0) followedByBlank++;
        }
        return text > 0 && followedByBlank > 0.6 * text && unwrapped < 0.05 * text;
    }

    /// <summary>Longer than any line a printed A4 page holds (the exports' longest is 143 characters).</summary>
    private const int UnwrappedLength = 170;
}
