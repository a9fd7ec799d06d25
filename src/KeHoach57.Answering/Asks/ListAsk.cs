using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// The items of an enumeration: what follows the words the question leads its ask with ("… theo hướng
/// chấp nhận những gì?" → after "chấp nhận"), a lead-in ("nhất là", "gồm", "như") or a colon, up to the
/// end of the sentence. An enumeration has at least two items.
/// </summary>
public sealed class ListAsk(VietnameseAnalyzer analyzer, RoleWords roles) : IAskHandler
{
    private const int MaxItemsChars = 320;

    public AskKind Kind => AskKind.List;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var starts = new List<(int At, double Strength)>();
        if (AfterLead(clause, question) is { } lead) starts.Add((lead, 1.1));
        starts.AddRange(roles.Find(clause, "lead-in").Select(l => (l.End, 1.0)));
        for (var i = clause.Text.IndexOf(':'); i >= 0; i = clause.Text.IndexOf(':', i + 1)) starts.Add((i + 1, 0.9));
        foreach (var (at, strength) in starts.DistinctBy(s => s.At))
        {
            var stop = clause.Text.IndexOfAny(clause.RunOn && clause.Text[..at].TrimEnd().EndsWith(':') ? ['.'] : ['.', ';', '\n'], at);
            var end = Math.Min(stop < 0 ? clause.Text.Length : stop, at + MaxItemsChars);
            var items = clause.Text[at..end].Trim(' ', ':', ',', '\n');
            var separators = items.Count(c => c is ',' or ';' or '\n') + CountJoiners(items);
            if (separators < 1 || items.Length < 12) continue;
            var start = clause.Text.IndexOf(items, at, StringComparison.Ordinal);
            yield return new Candidate(Kind, items, start, start + items.Length, strength) { IsText = true };
        }
    }

    private int CountJoiners(string items) =>
        analyzer.Tokenize(items).Count(t => t.Term == "va");

    /// <summary>Where the question's own words before its question word end in the clause, OCR-tolerantly.</summary>
    private int? AfterLead(Clause clause, QuestionFacts question)
    {
        if (question.Lead.Count == 0) return null;
        var tokens = clause.Tokens(analyzer);
        for (var i = 0; i + question.Lead.Count <= tokens.Count; i++)
        {
            var ok = true;
            for (var k = 0; k < question.Lead.Count && ok; k++) ok = OcrDistance.SameWord(question.Lead[k], tokens[i + k].Term);
            if (ok) return tokens[i + question.Lead.Count - 1].End;
        }
        return null;
    }
}
