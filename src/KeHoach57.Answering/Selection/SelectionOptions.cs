using System.ComponentModel.DataAnnotations;

namespace KeHoach57.Answering.Selection;

/// <summary>
/// Weights of clause selection (config section "Selection"): how a (clause, value) pair is scored from its
/// features. The values in use are fitted on the tune half of eval/ (`eval fit --write` stores them beside the
/// calibrator in Grounding/calibration.json, which supplies them); the defaults below are only the fit's first start.
/// Validated at start.
/// </summary>
public sealed class SelectionOptions
{
    public const string Section = "Selection";

    /// <summary>Below this cue strength the ask is taken as a guess: a name or a stretch of the clause may answer it too.</summary>
    [Range(0, 2)] public double WeakAsk { get; set; } = 0.75;

    /// <summary>How many of the best passages are read clause by clause.</summary>
    [Range(1, 20)] public int Passages { get; set; } = 6;

    /// <summary>Share of the subject the clause (with its headings) says.</summary>
    [Range(0, 10)] public double Coverage { get; set; } = 1.0;

    /// <summary>Share of the subject said right around the value (its own part of the clause).</summary>
    [Range(0, 10)] public double Local { get; set; } = 0.6;

    /// <summary>How close the value stands to the subject's words.</summary>
    [Range(0, 10)] public double Closeness { get; set; } = 0.3;

    /// <summary>How firmly the clause states the value (the handler's judgement: a label unit, a deadline after "trước").</summary>
    [Range(0, 10)] public double Strength { get; set; } = 0.5;

    /// <summary>The passage's retrieval score, relative to the best passage's.</summary>
    [Range(0, 10)] public double Retrieval { get; set; } = 0.25;

    /// <summary>Subtracted per rank below the first passage.</summary>
    [Range(0, 1)] public double RankPenalty { get; set; } = 0.04;

    /// <summary>A table or heading for the asked year, or for another year.</summary>
    [Range(0, 10)] public double YearFit { get; set; } = 0.4;

    /// <summary>Added per other kind the question asks that the clause also answers (subtracted when it does not).</summary>
    [Range(0, 10)] public double Secondary { get; set; } = 0.5;

    /// <summary>Subtracted for a clause read on into the rest of its line: only worth it when the sentence alone lacks the value.</summary>
    [Range(0, 10)] public double RunOnPenalty { get; set; } = 0.1;

    /// <summary>Every weight of this set written onto <paramref name="target"/>.</summary>
    public void CopyTo(SelectionOptions target)
    {
        foreach (var p in typeof(SelectionOptions).GetProperties().Where(p => p.CanWrite)) p.SetValue(target, p.GetValue(this));
    }
}
