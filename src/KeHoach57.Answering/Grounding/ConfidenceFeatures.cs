using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Grounding;

/// <summary>
/// What the calibrator judges an answer by (Kamath, Jia &amp; Liang 2020: features of the prediction, not the
/// raw score): how much of the subject the clause and the value's own part of it say, the most telling
/// subject word missing, the margin over the best different answer, how strongly the question asked this
/// kind, how firmly the clause states the value, the retrieval score and rank, how many other passages give
/// the same value, and the kind of ask (one indicator per <see cref="AskKind"/>: kinds differ in how often
/// their best pair is right, and a new kind gets its own weight at the next fit without a code change).
/// </summary>
public static class ConfidenceFeatures
{
    // A "which plan" ask is grounded by its own check (PlanAsk): the calibrator never judges it.
    private static readonly AskKind[] Kinds = Enum.GetValues<AskKind>().Where(k => k != AskKind.Plan).ToArray();

    public static readonly string[] Names =
    [
        "coverage", "missing_idf", "local", "closeness", "strength", "retrieval", "rank", "year_fit",
        "secondary_missing", "recognition", "margin", "kind_text", "from_heading", "subject_words", "support",
        .. Kinds.Select(k => "kind_" + k.ToString().ToLowerInvariant()),
    ];

    /// <summary>Above this many other passages, agreement adds nothing more.</summary>
    private const int SupportCap = 3;

    public static double[] Of(QuestionFacts question, Selected selected)
    {
        var best = selected.Best!;
        var f = best.Features;
        var margin = selected.RunnerUp is null ? 1.0 : Math.Min(1.0, best.Score - selected.RunnerUp.Score);
        return
        [
            f.Coverage,
            f.MissingIdf,
            f.Local,
            f.Closeness,
            f.Strength,
            f.Retrieval,
            f.Rank,
            f.YearFit,
            f.SecondaryAsked - f.SecondaryFound,
            question.Recognition,
            margin,
            best.Primary.IsText ? 1 : 0,
            best.Primary.FromHeading is null ? 0 : 1,
            Math.Min(question.Query.Words.Count, 12) / 12.0,
            Support(selected, best),
            .. Kinds.Select(k => question.Primary == k ? 1.0 : 0.0),
        ];
    }

    /// <summary>Features of a refusal decided before any clause was weighed (nothing found), for the calibrator's data.</summary>
    public static double[] None => new double[Names.Length];

    public static IReadOnlyDictionary<string, double> Named(double[] values) =>
        Names.Zip(values).ToDictionary(p => p.First, p => Math.Round(p.Second, 4));

    /// <summary>
    /// Share (capped) of other passages whose clauses give the same value: plans repeat what they mean. A passage headed
    /// by another year than the question asks ("Đến hết năm 2030" for a question about 2045) speaks of another target,
    /// not of the same one again.
    /// </summary>
    private static double Support(Selected selected, Choice best)
    {
        var others = selected.Pairs
            .Where(p => p.Clause.Chunk.Id != best.Clause.Chunk.Id && p.Features.YearFit >= 0
                && string.Equals(p.Primary.Display, best.Primary.Display, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Clause.Chunk.Id).Distinct().Count();
        return Math.Min(others, SupportCap) / (double)SupportCap;
    }
}
