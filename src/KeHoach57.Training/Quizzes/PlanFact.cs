using KeHoach57.Answering.Clauses;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>
/// One fact a plan states, read from its structure: what it is about (in proper Vietnamese), its value as an
/// answer prints it, and the clause it stands in. Quiz items are questions about facts.
/// </summary>
/// <param name="Subject">What the value is of: "báo cáo 6 tháng", "dịch vụ công trực tuyến toàn trình", a task.</param>
/// <param name="Value">The value as options show it: "trước ngày 10/6", "90%", "Sở Tài chính".</param>
/// <param name="Accept">Spellings of the value that count as right in an answer line.</param>
/// <param name="Question">The question without its plan: "hạn của báo cáo 6 tháng là ngày nào?".</param>
/// <param name="Statement">The fact said plainly, for "which plan" and "which section" stems.</param>
public sealed record PlanFact(
    string PlanId,
    QuizKind Kind,
    string Subject,
    string Value,
    IReadOnlyList<string> Accept,
    string Question,
    string Statement,
    Clause Clause)
{
    /// <summary>Folded content words of the subject, to tell whether another clause speaks of the same thing.</summary>
    public IReadOnlySet<string> SubjectWords { get; init; } = new HashSet<string>();

    /// <summary>The same for the subject as shown (read back into proper Vietnamese): comparable across plans whatever their OCR.</summary>
    public IReadOnlySet<string> ShownWords { get; init; } = new HashSet<string>();

    public string ChunkId => Clause.Chunk.Id;
}

/// <summary>Reads one kind of fact from the plans, and recognizes values of that kind in any text (the distractor check).</summary>
public interface IFactSource
{
    QuizKind Kind { get; }

    IEnumerable<PlanFact> Read(Core.Documents.CorpusDocument plan);

    /// <summary>Every value of this kind the text holds, as comparable keys (<see cref="Key"/>).</summary>
    IReadOnlySet<string> ValuesIn(string text);

    /// <summary>The comparable key of a value: two values with the same key are the same answer.</summary>
    string Key(string value);

    /// <summary>
    /// Values of this kind a plan names outside its facts (units it mentions anywhere): more distractors when the facts
    /// alone have too few distinct values.
    /// </summary>
    IEnumerable<string> Mentioned(Core.Documents.CorpusDocument plan) => [];
}

/// <summary>Small text helpers the fact sources share.</summary>
public static class FactText
{
    private static readonly char[] Separators = [',', ';', ':', '(', ')', '.', '\n'];

    /// <summary>Ends of a sentence-like stretch: a list of fields ("khoa học, công nghệ, …") stays whole.</summary>
    public static readonly char[] Stops = [';', ':', '.', '\n'];

    /// <summary>Folded, without spaces: "Trước ngày 10/6" and "trước ngày 10 / 6" have one key.</summary>
    public static string Compact(string value) =>
        new(VietnameseText.Fold(value).Where(char.IsLetterOrDigit).ToArray());

    /// <summary>The stretch of <paramref name="text"/> that ends at <paramref name="end"/> and starts after the last separator.</summary>
    public static (int Start, string Text) SegmentBefore(string text, int end, char[]? separators = null)
    {
        var at = Math.Max(0, end - 1);
        var stop = -1;
        while (at >= 0 && (stop = text.LastIndexOfAny(separators ?? Separators, at)) >= 0 && InWord(text, stop)) at = stop - 1;
        var start = stop < 0 || at < 0 ? 0 : stop + 1;
        if (end == 0) start = 0;
        return (start, text[start..end]);
    }

    /// <summary>The stretch that starts at <paramref name="start"/> and ends before the next separator (or <paramref name="limit"/>).</summary>
    public static string SegmentAfter(string text, int start, int limit, char[]? separators = null)
    {
        var end = start - 1;
        do end = text.IndexOfAny(separators ?? Separators, end + 1);
        while (end >= 0 && end < limit && InWord(text, end));
        if (end < 0 || end > limit) end = limit;
        return text[start..end];
    }

    /// <summary>"si:r" (sử), "ph.n" (phần): a mark the OCR put between two letters of one word ends no stretch.</summary>
    private static bool InWord(string text, int at) =>
        at > 0 && at + 1 < text.Length && char.IsLetter(text[at - 1]) && char.IsLetter(text[at + 1]);

    /// <summary>Letters-bearing words in a stretch of text.</summary>
    public static int Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));

    /// <summary>At most <paramref name="max"/> words, with "…" when cut; trimmed of bullets and stray marks.</summary>
    public static string Cap(string text, int max)
    {
        var words = VietnameseText.CollapseSpaces(text).Trim(' ', '-', '+', '•', '–', ',', ';', ':', '.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= max ? string.Join(' ', words) : string.Join(' ', words.Take(max)).TrimEnd(',', ';', ':') + "…";
    }

    /// <summary>A stable, platform-independent hash (string.GetHashCode changes every run): picks stay the same across runs.</summary>
    public static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
