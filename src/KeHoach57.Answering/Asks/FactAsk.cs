using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// Anything else: the proper name the clause writes after the words the question asks "which" of ("khu
/// CNTT tập trung nào" → "Khu công nghệ thông tin tập trung Yên Bình"), a name the clause puts in quotes,
/// or else the stretch of the clause where the question's words gather.
/// </summary>
public sealed partial class FactAsk(VietnameseAnalyzer analyzer, Selection.SubjectMatch subjects) : IAskHandler
{
    private const int FocusChars = 220;

    public AskKind Kind => AskKind.Fact;

    [GeneratedRegex(@"^\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3})")]
    private static partial Regex CapitalisedName();

    [GeneratedRegex(@"""([^""\n]{2,60})[""']|“([^”\n]{2,60})”")]
    private static partial Regex Quoted();

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        if (NamedAfter(clause, question) is { } named) yield return named;
        foreach (Match m in Quoted().Matches(clause.Text))
        {
            var g = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
            yield return new Candidate(Kind, g.Value, g.Index, g.Index + g.Length, 0.8) { IsText = true };
        }
        var (start, end) = Focus(clause, question);
        yield return new Candidate(Kind, clause.Text[start..end], start, end, 0.5) { IsText = true };
    }

    private Candidate? NamedAfter(Clause clause, QuestionFacts question)
    {
        if (question.Lead.Count == 0) return null;
        var tokens = clause.Tokens(analyzer);
        for (var i = 0; i + question.Lead.Count <= tokens.Count; i++)
        {
            var ok = true;
            for (var k = 0; k < question.Lead.Count && ok; k++) ok = OcrDistance.SameWord(question.Lead[k], tokens[i + k].Term, 0.45);
            if (!ok) continue;
            var after = tokens[i + question.Lead.Count - 1].End;
            var name = CapitalisedName().Match(clause.Text[after..]);
            if (!name.Success) continue;
            // A proper name is shown as written, after the asker's own words for what it names ("đại học" + "Thai Nguyen").
            var g = name.Groups[1];
            return new Candidate(Kind, $"{question.LeadText} {g.Value}", after + g.Index, after + g.Index + g.Length, 1.0);
        }
        return null;
    }

    /// <summary>A clause short enough leads whole; a long one from where the question's words gather.</summary>
    private (int Start, int End) Focus(Clause clause, QuestionFacts question)
    {
        var text = clause.Text;
        if (text.Length <= FocusChars) return (0, text.Length);
        var anchors = subjects.Anchors(clause, question);
        var start = 0;
        if (anchors.Count > 0)
        {
            var best = anchors.MaxBy(a => anchors.Where(b => b.Position >= a.Position && b.Position < a.Position + 160).Sum(b => b.Weight))!;
            start = best.Position;
            var boundary = text.LastIndexOfAny([',', ';', ':', '\n', '.'], Math.Max(0, start - 1));
            if (boundary >= 0 && start - boundary <= 80) start = boundary + 1;
            if (start < 40) start = 0;
        }
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = Math.Min(text.Length, start + FocusChars);
        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var space && space > start) end = space;
        return (start, end);
    }
}
