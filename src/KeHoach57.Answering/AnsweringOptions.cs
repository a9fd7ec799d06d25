using System.ComponentModel.DataAnnotations;

namespace KeHoach57.Answering;

/// <summary>Limits and switches of answering (config section "Answering"), validated at start.</summary>
public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>Longest question accepted, in characters; longer ones get a clear error, not a slow search.</summary>
    [Range(10, 100_000)] public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>How many citations an answer shows at most: the chosen clause and others that hold the subject.</summary>
    [Range(1, 3)] public int MaxCitations { get; set; } = 3;

    /// <summary>
    /// Answers kept for repeated questions (the same words, scope and previous turn); 0 turns the cache off.
    /// The corpus is fixed for the life of the answering stack, so a kept answer never goes stale.
    /// </summary>
    [Range(0, 1_000_000)] public int CacheSize { get; set; } = 4096;

    /// <summary>Another kind a question asks ("… bao nhiêu và phòng nào theo dõi?") counts when its cue is at least this strong.</summary>
    [Range(0, 2)] public double MinSecondaryAskStrength { get; set; } = 0.8;

    /// <summary>A passage other than the chosen one is cited only when it says at least this share of the subject.</summary>
    [Range(0, 1)] public double CitationMinCoverage { get; set; } = 0.5;

    /// <summary>
    /// A corpus of at most this many chunks, and as many distinct clause texts (and headings) in plans whose OCR lost their diacritics, has
    /// their readings into Vietnamese worked out when it is first served and kept in the data folder, so a fresh process
    /// does not run the restorer (2–4 ms a text) on every clause its first answer weighs. Five plans have ~2,200; past the
    /// limit the work would outgrow the index build, and texts are read on first touch as before. 0 keeps none.
    /// </summary>
    [Range(0, 1_000_000)] public int MaxKeptReadings { get; set; } = 8000;

    /// <summary>Retrieval prior for passages holding a value of the kind asked (a date for a deadline …).</summary>
    [Range(0, 5)] public double IntentPrior { get; set; } = 0.25;

    /// <summary>Retrieval prior for passages that state every number the question states (years aside).</summary>
    [Range(0, 5)] public double StatedNumberPrior { get; set; } = 0.25;

    /// <summary>Retrieval prior for passages headed by the year asked (minus for another year).</summary>
    [Range(0, 5)] public double YearPrior { get; set; } = 0.4;

    /// <summary>
    /// "Which plan says it": a plan is named only from a clause saying at least this share of the subject (with its
    /// headings). Chosen by a search over 0.6–0.75 on the quiz's which-plan stems and questions about things no plan
    /// says: 0.7 is the lowest with no wrong plan and no absent content answered (0.65 names a plan for "ô tô điện").
    /// </summary>
    [Range(0, 1)] public double PlanMinCoverage { get; set; } = 0.7;

    /// <summary>"Which plan says it": another plan is named too when its clause says the subject within this share of the best one.</summary>
    [Range(0, 1)] public double PlanTie { get; set; } = 0.05;

    /// <summary>
    /// A comparison asks one thing of each plan. Once one plan's answer stands, the thing is known to be one the plans
    /// state, so another plan's best answer stands from this confidence (below the calibrator's threshold); hard gates
    /// (the kind asked, identifiers the question names) still apply. 1 turns it off. Chosen by a search over 0.2–0.7 on
    /// the tune half: every step down turned half-answered comparisons into whole right ones and none into a wrong one
    /// (0.7: +4 right; 0.5: +9; 0.4: +11; 0.3: +11; 0.2: +12, of the question variant); 0.4 is where it levels off.
    /// </summary>
    [Range(0, 1)] public double ComparisonSideThreshold { get; set; } = 0.4;

    /// <summary>A calibration model file (JSON) to use instead of the embedded one, relative to the checkout root; empty: embedded.</summary>
    public string CalibrationPath { get; set; } = "";

    /// <summary>When false, every selected answer stands (for fitting the calibrator: it must see the answers it will judge).</summary>
    public bool Calibrate { get; set; } = true;
}
