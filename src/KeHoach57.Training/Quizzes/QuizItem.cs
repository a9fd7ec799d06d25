using System.Text.Json.Serialization;

namespace KeHoach57.Training.Quizzes;

/// <summary>What a quiz question asks, in the terms officials are asked about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuizKind>))]
public enum QuizKind
{
    /// <summary>By when a report or a task is due.</summary>
    Deadline,
    /// <summary>Which unit is in charge of a task.</summary>
    LeadUnit,
    /// <summary>The value a plan sets for an indicator.</summary>
    Target,
    /// <summary>Which plan says a given thing.</summary>
    Plan,
}

/// <summary>How hard a question is: recall one plan's fact, tell two plans apart, or find where a plan says it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuizLevel>))]
public enum QuizLevel { Recall, Compare, Section }

/// <summary>The passage a quiz answer comes from: what a trainee is shown to check the answer against.</summary>
/// <param name="Quote">The clause that holds the answer, as the source has it (OCR included).</param>
/// <param name="Passage">The whole passage (table context first for a row).</param>
public sealed record QuizCitation(string PlanId, string ChunkId, string Label, string Quote, string Passage);

/// <summary>
/// One multiple-choice question made from a plan's structure: four options, one right, three of the same kind
/// taken from other rows or plans and checked not to answer the same stem.
/// </summary>
/// <param name="Id">Stable across runs on the same corpus ("yen-hoa/deadline/iii-1/3").</param>
/// <param name="Options">Four options in display order; <see cref="CorrectIndex"/> marks the right one.</param>
/// <param name="Accept">Spellings that count as the right answer when the assistant answers the stem (self-consistency).</param>
/// <param name="FactKind">The kind of the fact behind the question (for "which plan" items, the kind of what the plan says).</param>
/// <param name="FactValue">The fact's value: the answer of a recall item, what the plan or section must say in the others.</param>
public sealed record QuizItem(
    string Id,
    string PlanId,
    QuizKind Kind,
    QuizLevel Level,
    string Stem,
    IReadOnlyList<string> Options,
    int CorrectIndex,
    QuizCitation Citation,
    IReadOnlyList<string> Accept,
    QuizKind FactKind,
    string FactValue)
{
    public string Answer => Options[CorrectIndex];

    /// <summary>The option letters as printed sheets and chat buttons show them.</summary>
    public static string Letter(int index) => ((char)('A' + index)).ToString();
}

/// <summary>Which items a trainer wants; null means any.</summary>
public sealed record QuizFilter(string? PlanId = null, QuizKind? Kind = null, QuizLevel? Level = null)
{
    public bool Matches(QuizItem item) =>
        (PlanId is null || string.Equals(item.PlanId, PlanId, StringComparison.OrdinalIgnoreCase))
        && (Kind is null || item.Kind == Kind) && (Level is null || item.Level == Level);
}
