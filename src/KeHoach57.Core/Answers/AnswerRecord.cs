using System.Text.Json.Serialization;

namespace KeHoach57.Core.Answers;

/// <summary>What a question asks for: each kind has its own answer type (a date, an organisation, a figure …).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AskKind>))]
public enum AskKind
{
    /// <summary>Anything else: a name, a term, what a clause says.</summary>
    Fact,
    /// <summary>By when something must be done or sent: a date, a month, a quarter, a year.</summary>
    Deadline,
    /// <summary>The date of an event or a document ("ban hành ngày nào").</summary>
    Date,
    /// <summary>How often ("định kỳ bao lâu"): a period.</summary>
    Frequency,
    /// <summary>Who is in charge: an organisation.</summary>
    LeadUnit,
    /// <summary>Who works with the lead: organisations named as coordinating.</summary>
    CoUnits,
    /// <summary>Where a report or a proposal goes: the organisation it is sent to.</summary>
    Recipient,
    /// <summary>A figure with its unit: a target, a count, a rate.</summary>
    Figure,
    /// <summary>A sum of money.</summary>
    Money,
    /// <summary>The items of an enumeration.</summary>
    List,
    /// <summary>A document's number and symbol ("số 57-NQ/TW").</summary>
    DocumentRef,
    /// <summary>A person (name or post).</summary>
    Person,
    /// <summary>A phone number, an e-mail, an address, a website.</summary>
    Contact,
    /// <summary>Which plan says something ("kế hoạch nào đặt mục tiêu 95% hồ sơ số hóa?"): the plan and its section.</summary>
    Plan,
}

public static class AskKindExtensions
{
    /// <summary>The answer is an organisation: the lead unit, the coordinating ones or the recipient.</summary>
    public static bool AsksOrganisation(this AskKind kind) => kind is AskKind.LeadUnit or AskKind.CoUnits or AskKind.Recipient;

    /// <summary>The answer is a point in time: by when, or on what date. Which of the two a question means may be unsure
    /// ("ngày nào"); that it wants a date is not. How often or how long ("bao lâu") may be said in words.</summary>
    public static bool AsksDate(this AskKind kind) => kind is AskKind.Deadline or AskKind.Date;
}

/// <summary>
/// One passage an answer rests on. JSON names are the batch contract's (`citations[]`).
/// <see cref="Quote"/> is the clause as the source has it (OCR included); <see cref="Restored"/> is the same
/// clause read back into proper Vietnamese when that reading is certain enough to show, else null.
/// </summary>
public sealed record Citation(
    [property: JsonPropertyName("doc")] string Doc,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("passage")] string Passage,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("chunk")] string ChunkId)
{
    /// <summary>Short and readable: "KH xã Yên Hòa › III.1".</summary>
    [JsonPropertyName("label")]
    public string Label { get; init; } = "";

    [JsonPropertyName("restored"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Restored { get; init; }
}

/// <summary>
/// The one record an answer is, produced once by the answering pipeline and rendered by every surface
/// (CLI, HTTP/SSE, widget, Telegram, Zalo, batch). Nothing parses it back from text.
/// </summary>
/// <param name="Answered">False for refusals and for input errors.</param>
/// <param name="Line">The answer line (value first), or the refusal or error message.</param>
/// <param name="Value">The value the line leads with, as printed; null when not answered.</param>
/// <param name="Kind">What the question was understood to ask for.</param>
/// <param name="Citations">At most three: each holds the value or the asked subject. For a refusal: the nearest passages.</param>
/// <param name="RefusalReason">Why the plans were taken not to answer, in plain Vietnamese; null when answered.</param>
public sealed record AnswerRecord(
    bool Answered,
    string Line,
    string? Value,
    AskKind Kind,
    IReadOnlyList<Citation> Citations,
    string? RefusalReason = null)
{
    public double LatencyMs { get; init; }

    /// <summary>Set when the input itself was refused (empty, too long, unknown scope): no search was made.</summary>
    public string? Error { get; init; }

    /// <summary>The question as understood after resolving a follow-up against the conversation.</summary>
    public string? ResolvedQuestion { get; init; }

    /// <summary>The plan answered from (or the scope searched when refused), when there is one.</summary>
    public string? PlanId { get; init; }

    /// <summary>The calibrated probability that the answer is right (0 when refused before scoring).</summary>
    public double Confidence { get; init; }

    /// <summary>The folded subject words of the question, for follow-ups in a conversation.</summary>
    public IReadOnlyList<string> Subject { get; init; } = [];

    /// <summary>How the question was understood and why this answer: for the "why" view and for logs.</summary>
    public AnswerTrace? Trace { get; init; }

    public static AnswerRecord Failure(string message) => new(false, message, null, AskKind.Fact, []) { Error = message };
}

/// <summary>How a question was read and answered, step by step, for people checking an answer.</summary>
/// <param name="Asks">The kinds recognized, strongest first, each with the words that said so.</param>
/// <param name="Subject">The words the answer must be about.</param>
/// <param name="Places">Places the question names (plan ids, or the place as typed when no plan is indexed for it).</param>
/// <param name="Considered">The passages weighed, best first.</param>
/// <param name="Features">What the confidence was computed from, by name.</param>
public sealed record AnswerTrace(
    IReadOnlyList<string> Asks,
    IReadOnlyList<string> Subject,
    IReadOnlyList<string> Places,
    string? Scope,
    IReadOnlyList<ConsideredPassage> Considered,
    string? ChosenClause,
    IReadOnlyDictionary<string, double> Features);

public sealed record ConsideredPassage(string ChunkId, string Label, double Score);

/// <summary>The previous turn of a conversation: a follow-up merges with it only when it was answered.</summary>
/// <param name="Subject">The folded subject words of the previous question.</param>
/// <param name="Named">The document its answer named by number ("34/KH-UBND"): what a follow-up that asks something else
/// ("Ban hành ngày nào?") asks it of.</param>
public sealed record PreviousTurn(string Question, bool Answered = true, string? DocId = null, IReadOnlyList<string>? Subject = null, string? Named = null)
{
    /// <summary>The number an answered document-number ask gave, without the date shown with it ("34/KH-UBND ngày 4/6/2024").</summary>
    public static string? NamedBy(AnswerRecord answer) =>
        answer is { Answered: true, Kind: AskKind.DocumentRef, Value: { Length: > 0 } value } ? value.Split(' ', 2)[0].TrimEnd(';', ',') : null;
}

public sealed record AskRequest(string Question, string? Scope = null, PreviousTurn? Previous = null);
