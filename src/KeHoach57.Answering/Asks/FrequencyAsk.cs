using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>How often: a period ("định kỳ 6 tháng", "hằng năm", "01 tháng/lần", "2,5 năm").</summary>
public sealed partial class FrequencyAsk : IAskHandler
{
    public AskKind Kind => AskKind.Frequency;

    [GeneratedRegex(@"^\s*(?:/|m\w{1,2}t\s+|1\s+)?l\w{1,2}n\b|^\s*/\s*l")]
    private static partial Regex PerTime();

    [GeneratedRegex(@"^\s*(th\w{1,2}ng|n\w{1,2}m)\b")]
    private static partial Regex TimeUnit();

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var dates = clause.Dates;
        foreach (var d in dates)
        {
            if (d.Kind == ValueKind.Period) yield return new Candidate(Kind, d.Display, d.Start, d.End, 1.0);
            else if (d.Display is "hằng năm" or "thường xuyên") yield return new Candidate(Kind, d.Display, d.Start, d.End, 0.9);
            else if (d.Display.Contains("hằng tháng")) yield return new Candidate(Kind, "hằng tháng", d.Start, d.End, 0.9);
        }
        // "01 tháng/lần", "2,5 năm": a figure measured in months or years.
        foreach (var f in clause.Figures)
        {
            if (dates.Any(d => d.Start <= f.Start && f.Start < d.End)) continue;
            var after = clause.Folded[f.End..Math.Min(clause.Text.Length, f.End + 14)];
            var unit = TimeUnit().Match(after);
            if (!unit.Success) continue;
            var end = f.End + unit.Index + unit.Length;
            var per = PerTime().Match(clause.Folded[end..Math.Min(clause.Text.Length, end + 8)]);
            var display = f.Display + (unit.Value.Trim().StartsWith("th") ? " tháng" : " năm") + (per.Success ? "/lần" : "");
            yield return new Candidate(Kind, display, f.Start, per.Success ? end + per.Length : end, per.Success ? 1.0 : 0.6);
        }
    }
}
