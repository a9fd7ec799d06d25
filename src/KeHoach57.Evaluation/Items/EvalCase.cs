namespace KeHoach57.Evaluation.Items;

/// <summary>The two ways an eval question is typed: as an official writes it, and without diacritics as in chat.</summary>
public enum EvalVariant { Question, QuestionPlain }

public static class EvalVariants
{
    /// <summary>The item field each variant reads, which is also its name in reports and thresholds.</summary>
    public static string Name(this EvalVariant variant) => variant == EvalVariant.Question ? "question" : "question_plain";

    public static EvalVariant? Parse(string? name) => name switch
    {
        "question" => EvalVariant.Question,
        "question_plain" => EvalVariant.QuestionPlain,
        _ => null,
    };
}

/// <summary>
/// One scored question: a single eval item, or one turn of a dialogue (id "&lt;dialogue id&gt;#&lt;n&gt;").
/// Field names follow the item format (eval/README.md).
/// </summary>
/// <param name="Set">Name of the set (file name without .jsonl): thresholds and reports are per set.</param>
/// <param name="Doc">The document that answers it, or null when the plans do not (the assistant must refuse).</param>
/// <param name="AnswerAny">Groups of alternatives; every group needs one alternative in the answer's head.</param>
/// <param name="Source">"file:line", so a problem can be found in the item file.</param>
public sealed record EvalCase(
    string Id,
    string Set,
    string Question,
    string? QuestionPlain,
    string? Scope,
    string? Doc,
    string? Doc2,
    string Type,
    IReadOnlyList<IReadOnlyList<string>> AnswerAny,
    string Evidence,
    IReadOnlyList<string> Tags,
    string Source)
{
    /// <summary>The dialogue this turn belongs to; null for a single question.</summary>
    public string? DialogueId { get; init; }

    /// <summary>1-based turn number within the dialogue; 0 for a single question.</summary>
    public int Turn { get; init; }

    /// <summary>1-based line of the item in its file (a dialogue's turns share their line).</summary>
    public int Line { get; init; }

    /// <summary>The family id shared by every wording of one fact; the item's own id when not given.</summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public string Fact { get => field ?? Id; init; }

    /// <summary>How the question is worded (<see cref="Protocol.Wordings"/>); null for dialogue turns.</summary>
    public string? Wording { get; init; }

    /// <summary>"tune" or "check"; null while `eval split` has not assigned it. Dialogue turns default to tune.</summary>
    public string? Half { get; init; }

    /// <summary>For unanswerable items: why no plan answers it (<see cref="Protocol.NaKinds"/>).</summary>
    public string? NaKind { get; init; }

    public bool Answerable => Doc is not null;

    /// <summary>Items written without a plain spelling are asked as written in both variants.</summary>
    public string QuestionFor(EvalVariant variant) =>
        variant == EvalVariant.QuestionPlain && !string.IsNullOrWhiteSpace(QuestionPlain) ? QuestionPlain : Question;
}

/// <summary>One eval file, its dialogues expanded into turns in order.</summary>
public sealed record EvalSet(string Name, string Path, int ItemCount, IReadOnlyList<EvalCase> Cases);
