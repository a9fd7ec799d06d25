using System.Text.RegularExpressions;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Recovers the rows of an OCR'd appendix table. Columns come out interleaved, so a row is what starts
/// with its STT number ("1.1", "13|", "2.2 |") plus the lines around it: a row's cells are vertically
/// centred, so the start of a long indicator name sits on the line(s) above its number. Cells are not
/// split; the row keeps its OCR text as is.
/// </summary>
public static partial class AppendixTable
{
    /// <summary>Caption paragraphs, the table and any note under it; null when no numbered rows are found.</summary>
    public static List<Block>? Parse(IReadOnlyList<SourceLine> lines)
    {
        var captionEnd = CaptionEnd(lines);
        var body = lines.Skip(captionEnd).ToList();
        var noteStart = body.FindIndex(l => VietnameseText.Fold(l.Text).StartsWith("ghi chu", StringComparison.Ordinal));
        if (noteStart < 0) noteStart = body.Count;
        var starts = RowStarts(body, noteStart);
        if (starts.Count == 0) return null;

        var header = Header(body.Take(starts[0].Index).ToList());
        var blocks = new List<Block>();
        blocks.AddRange(Paragraphs(lines.Take(captionEnd)));
        blocks.Add(new Table(header, Rows(body, starts, noteStart, header)));
        blocks.AddRange(Paragraphs(body.Skip(noteStart)));
        return blocks;
    }

    /// <summary>The caption runs to the end of its "(Kèm theo ...)" line(s), or is the first line.</summary>
    private static int CaptionEnd(IReadOnlyList<SourceLine> lines)
    {
        var attached = -1;
        for (var i = 0; i < Math.Min(lines.Count, 8) && attached < 0; i++)
            if (VietnameseText.Fold(lines[i].Text).StartsWith("(kem theo", StringComparison.Ordinal)) attached = i;
        if (attached < 0) return Math.Min(1, lines.Count);
        for (var i = attached; i < lines.Count; i++)
            if (lines[i].Text.Contains(')')) return i + 1;
        return attached + 1;
    }

    private readonly record struct RowStart(int Index, string Number);

    private static List<RowStart> RowStarts(List<SourceLine> body, int end)
    {
        var starts = new List<RowStart>();
        var sequence = new RowSequence();
        var groups = 0;
        for (var i = 0; i < end; i++)
        {
            var text = body[i].Text;
            if (GroupRow().IsMatch(VietnameseText.Fold(text)))
                starts.Add(new RowStart(i, Numbering.ToRoman(++groups)));
            else if (RowNumber().Match(text) is { Success: true } m && sequence.Accept(m.Groups[1].Value) is { } number)
                starts.Add(new RowStart(i, number));
        }
        return starts;
    }

    private static List<TableRow> Rows(List<SourceLine> body, List<RowStart> starts, int end, string header)
    {
        // A table running over a page break repeats its header row; it belongs to no row.
        var headerStart = FirstWords(header);
        bool IsRepeatedHeader(string text) => headerStart.Length > 0 && FirstWords(text) == headerStart;

        var rows = new List<TableRow>();
        var from = starts[0].Index;
        for (var j = 0; j < starts.Count; j++)
        {
            var to = j + 1 < starts.Count ? LeadStart(body, starts[j].Index, starts[j + 1].Index) : end;
            var text = string.Join(' ', body.Skip(from).Take(to - from).Select(l => l.Text).Where(t => !IsRepeatedHeader(t)));
            rows.Add(new TableRow(starts[j].Number, text));
            from = to;
        }
        return rows;
    }

    /// <summary>
    /// Where the next row's leading lines begin, between two row numbers: at the last long line that opens
    /// with a capital (an indicator or task name). Short capitalised fragments ("Xa hoi", "NSNN") and lines
    /// after a cell that wrapped at a dash ("Phong Van hoa -") still belong to the row above.
    /// </summary>
    private static int LeadStart(List<SourceLine> body, int row, int next)
    {
        for (var i = next - 1; i > row; i--)
        {
            var text = body[i].Text;
            if (char.IsUpper(text[0]) && text.Length >= 25 && !body[i - 1].Text.EndsWith('-')) return i;
        }
        return next;
    }

    /// <summary>Header cells OCR'd one per line, blank-separated, become "TT | Tên nhiệm vụ | ...".</summary>
    private static string Header(List<SourceLine> lines)
    {
        var cells = new List<string>();
        foreach (var line in lines)
        {
            if (cells.Count == 0 || line.Before >= Gap.Blank) cells.Add(line.Text);
            else cells[^1] += " " + line.Text;
        }
        return string.Join(" | ", cells);
    }

    private static IEnumerable<Paragraph> Paragraphs(IEnumerable<SourceLine> lines)
    {
        var current = new List<string>();
        foreach (var line in lines)
        {
            // "(Kèm theo Kế hoạch số: … ngày …)" is a caption line of its own, even when OCR'd across blank lines.
            if ((line.Before >= Gap.Blank || line.Text.StartsWith('(')) && current.Count > 0 && Balanced(current))
            {
                yield return new Paragraph(string.Join(' ', current));
                current.Clear();
            }
            current.Add(line.Text.TrimStart('~', '-', ' '));
        }
        if (current.Count > 0) yield return new Paragraph(string.Join(' ', current));
    }

    private static string FirstWords(string text) => string.Join(' ', Word().Matches(VietnameseText.Fold(text)).Take(2).Select(m => m.Value));

    private static bool Balanced(List<string> lines) =>
        lines.Sum(l => l.Count(c => c == '(')) <= lines.Sum(l => l.Count(c => c == ')'));

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2})?)(?:\s*\|\s*|\s+)(?=\S)")]
    private static partial Regex RowNumber();

    /// <summary>"Nhóm các nhiệm vụ ..." rows, with whatever the OCR left of their Roman numeral ("T", "I11. |").</summary>
    [GeneratedRegex(@"^\W*(?:[ivxlt1]{1,4}\b\W*)?nh\w{0,3}m\s")]
    private static partial Regex GroupRow();

    /// <summary>
    /// STT numbers in reading order. OCR drops the dot of "1.1" ("11") and garbles digits ("53" for 2.3),
    /// so a number is read as the next sub-row when that fits, else as the next top-level row.
    /// </summary>
    private sealed class RowSequence
    {
        private int major;
        private int minor;

        public string? Accept(string token)
        {
            if (token.Contains('.'))
            {
                var parts = token.Split('.').Select(int.Parse).ToArray();
                var fits = parts[0] == major ? parts[1] > minor && parts[1] <= minor + 2 : parts[0] > major && parts[0] <= major + 2;
                return fits ? Set(parts[0], parts[1]) : null;
            }
            var value = int.Parse(token);
            int? first = token.Length == 2 ? token[0] - '0' : null, second = token.Length == 2 ? token[1] - '0' : null;
            if (first == major && second == minor + 1) return Set(major, minor + 1);
            if (value > major && value <= major + 2) return Set(value, 0);
            if (minor > 0 && second == minor + 1) return Set(major, minor + 1);
            return null;
        }

        private string Set(int newMajor, int newMinor)
        {
            major = newMajor;
            minor = newMinor;
            return newMinor == 0 ? major.ToString() : $"{major}.{minor}";
        }
    }
}
