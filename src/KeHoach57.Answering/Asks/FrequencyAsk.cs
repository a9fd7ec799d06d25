using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// How often: a period ("định kỳ 6 tháng", "hằng năm", "01 tháng/lần", "2,5 năm"). Periods listed together
/// ("định kỳ 01 năm, 05 năm") answer together.
/// </summary>
public sealed partial class FrequencyAsk(RoleWords roles) : IAskHandler
{
    public AskKind Kind => AskKind.Frequency;

    [GeneratedRegex(@"^\s*(?:/\s*|m\w{1,2}t\s+|0?1\s+)l\w{1,2}n\b")]
    private static partial Regex PerTime();

    [GeneratedRegex(@"^\s*(th\w{1,2}ng|n\w{1,2}m)\b")]
    private static partial Regex TimeUnit();

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var found = new List<Candidate>();
        foreach (var d in clause.Dates)
        {
            if (d.Kind == ValueKind.Period) found.Add(PerTimeSuffix(clause, new Candidate(Kind, d.Display, d.Start, d.End, 1.0)));
            else if (d.Display is "hằng năm" or "thường xuyên") found.Add(new Candidate(Kind, d.Display, d.Start, d.End, 0.9));
            else if (d.Display.Contains("hằng tháng")) found.Add(new Candidate(Kind, "hằng tháng", d.Start, d.End, 0.9));
        }
        // "01 tháng/lần", "2,5 năm": a figure measured in months or years.
        foreach (var f in clause.Figures)
        {
            if (clause.Dates.Any(d => d.Start <= f.Start && f.Start < d.End)) continue;
            var after = clause.Folded[f.End..Math.Min(clause.Text.Length, f.End + 14)];
            var unit = TimeUnit().Match(after);
            if (!unit.Success) continue;
            var end = f.End + unit.Index + unit.Length;
            var display = f.Display + (unit.Value.Trim().StartsWith("th") ? " tháng" : " năm");
            found.Add(PerTimeSuffix(clause, new Candidate(Kind, display, f.Start, end, 0.6)));
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < found.Count; i++)
        {
            var first = i;
            var last = i;
            while (first > 0 && roles.Joins(clause.Text[found[first - 1].End..Math.Max(found[first - 1].End, found[first].Start)])) first--;
            while (last + 1 < found.Count && roles.Joins(clause.Text[found[last].End..Math.Max(found[last].End, found[last + 1].Start)])) last++;
            if (first == last) yield return found[i];
            else if (first == i)
                yield return found[i] with
                {
                    Display = string.Join(", ", found.Skip(first).Take(last - first + 1).Select(c => c.Display)),
                    End = found[last].End,
                    Strength = found.Skip(first).Take(last - first + 1).Max(c => c.Strength),
                };
        }
    }

    /// <summary>"01 tháng/lần": a period said per time keeps its "/lần".</summary>
    private static Candidate PerTimeSuffix(Clause clause, Candidate c)
    {
        var per = PerTime().Match(clause.Folded[c.End..Math.Min(clause.Text.Length, c.End + 8)]);
        return per.Success && !c.Display.EndsWith("/lần") ? c with { Display = c.Display + "/lần", End = c.End + per.Length } : c;
    }
}
