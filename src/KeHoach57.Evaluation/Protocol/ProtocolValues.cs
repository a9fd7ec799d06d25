namespace KeHoach57.Evaluation.Protocol;

/// <summary>
/// How a question is worded (eval/README.md, "Generalization protocol"). Every wording of one fact asks the
/// same thing, so the accuracy gap between wordings shows what the assistant learned beyond the words.
/// </summary>
public static class Wordings
{
    /// <summary>As an official writes it; an item without "wording" is formal.</summary>
    public const string Formal = "formal";

    public static readonly IReadOnlyList<string> All = [Formal, "chat", "synonym", "numbers", "abbrev"];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}

/// <summary>The two halves of the project's own set: tune on one, report on the other.</summary>
public static class Halves
{
    public const string Tune = "tune";
    public const string Check = "check";

    /// <summary>The --half value that runs every case, assigned or not.</summary>
    public const string All = "all";

    public static readonly IReadOnlyList<string> Both = [Tune, Check];
}

/// <summary>Why the plans do not answer an unanswerable question.</summary>
public static class NaKinds
{
    public static readonly IReadOnlyList<string> All = ["off_domain", "absent", "no_plan_place", "missing_fact_type"];
}
