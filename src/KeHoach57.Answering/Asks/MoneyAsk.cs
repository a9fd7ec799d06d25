using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>A sum of money: a figure followed by its currency ("500 triệu đồng", "1,2 tỷ đồng"). Nothing else answers it.</summary>
public sealed partial class MoneyAsk : IAskHandler
{
    public AskKind Kind => AskKind.Money;

    [GeneratedRegex(@"^\s*(?:(?:t\w|tri\w{1,2}u|ngh\w{1,2}n|ng\w{1,2}n)\s+)?(?:d\w{1,2}ng\b|vnd\b)")]
    private static partial Regex Currency();

    public static bool IsMoney(Clause clause, ValueSpan figure) =>
        Currency().IsMatch(clause.Folded[figure.End..Math.Min(clause.Text.Length, figure.End + 16)]);

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        foreach (var f in clause.Figures)
        {
            if (!IsMoney(clause, f) || Echo.Of(question, f.Display)) continue;
            var m = Currency().Match(clause.Folded[f.End..Math.Min(clause.Text.Length, f.End + 16)]);
            var end = f.End + m.Index + m.Length;
            yield return new Candidate(Kind, clause.Text[f.Start..end].Trim(), f.Start, end, 1.0) { IsText = true };
        }
    }
}
