using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Grounding;

/// <summary>The plans that say what a "which plan" question asks, each by its best clause (best first), and the verdict on them.</summary>
public sealed record PlanFinding(IReadOnlyList<Choice> Plans, Verdict Verdict);

/// <summary>
/// Grounds a "which plan" answer (<see cref="Asks.PlanAsk"/>) by its own check rather than the calibrator, which
/// is fitted on value asks whose answer stands in the clause: a plan is named from a clause that says enough of
/// the subject (<see cref="AnsweringOptions.PlanMinCoverage"/>, with its headings) and every number, year and
/// identifier the question states. Plans whose best such clause says the subject about as fully as the best one
/// (<see cref="AnsweringOptions.PlanTie"/>) are all named: picking one of them would be arbitrary.
/// </summary>
public sealed partial class PlanGrounder(IOptions<AnsweringOptions> options)
{
    [GeneratedRegex(@"(?<!\d)0+(?=\d)")]
    private static partial Regex LeadingZeros();

    /// <summary>The plans that say it, or a refusal when no clause does.</summary>
    public PlanFinding Judge(QuestionFacts question, Selected selected)
    {
        var o = options.Value;
        var stating = selected.Pairs.Where(p => StatesAllAsked(p.Clause, question)).ToList();
        var best = stating
            .Where(p => p.Features.Coverage >= o.PlanMinCoverage)
            .GroupBy(p => p.Clause.Chunk.DocId)
            .Select(g => g.MaxBy(p => p.Score)!)
            .OrderByDescending(p => p.Features.Coverage).ThenByDescending(p => p.Score)
            .ToList();
        if (best.Count == 0)
        {
            // How near the nearest clause came, for the record and the "why" view.
            var nearest = stating.Select(p => p.Features.Coverage).DefaultIfEmpty(0).Max();
            return new PlanFinding([], new Verdict(nearest, "Không kế hoạch nào hiện có nêu nội dung này.", new Dictionary<string, double> { ["coverage"] = Math.Round(nearest, 4) }));
        }
        var top = best[0].Features.Coverage;
        var named = best.Where(p => top - p.Features.Coverage <= o.PlanTie).Take(o.MaxCitations).ToList();
        return new PlanFinding(named, new Verdict(top, null, new Dictionary<string, double> { ["coverage"] = Math.Round(top, 4), ["plans"] = named.Count }));
    }

    /// <summary>Every number (years included, leading zeros aside) and identifier the question states, said by the clause or its headings.</summary>
    private static bool StatesAllAsked(Clause clause, QuestionFacts question)
    {
        var said = clause.Text + "\n" + clause.Context;
        if (Grounder.Unsaid(question, said) is not null) return false;
        return States(Numbers(said), question.StatedNumbers.Concat(question.Year is { } y ? [y.ToString()] : []));
    }

    /// <summary>Whether numbers a text states (<see cref="Numbers"/>) hold every one of <paramref name="asked"/>, as the question writes them.</summary>
    public static bool States(IReadOnlySet<string> numbers, IEnumerable<string> asked) => asked.All(n => numbers.Contains(Canonical(n)));

    /// <summary>
    /// The numbers a text states, its dates also as a question writes them: "trước ngày 15 tháng 6" and the OCR's
    /// "quy 11/2025" say "15/6" and "quý II/2025" once read (<see cref="Values.ValueSpans.Dates"/>).
    /// </summary>
    public static HashSet<string> Numbers(string text) =>
        StatedNumber.Pattern().Matches(text).Select(m => m.Value)
            .Concat(Values.ValueSpans.Dates(text).SelectMany(d => StatedNumber.Pattern().Matches(d.Display).Select(m => m.Value)))
            .Select(Canonical).ToHashSet();

    /// <summary>"05/6" is "5/6", "1.0" is "1,0".</summary>
    private static string Canonical(string number) => LeadingZeros().Replace(number.Replace('.', ','), "");
}
