using System.Text.Json.Serialization;

namespace KeHoach57.Core.Answers;

/// <summary>One passage an answer rests on. Field names are the batch contract's.</summary>
public sealed record Citation(
    [property: JsonPropertyName("doc")] string Doc,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("passage")] string Passage,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("chunk")] string ChunkId);

/// <summary>What the assistant says back. <see cref="Answered"/> is false for refusals and errors.</summary>
public sealed record Answer(
    bool Answered,
    string Markdown,
    IReadOnlyList<Citation> Citations,
    double LatencyMs = 0,
    string? Error = null)
{
    /// <summary>The question as understood after resolving a follow-up against the conversation.</summary>
    public string? ResolvedQuestion { get; init; }

    /// <summary>The answer without its list of sources, for channels that render citations their own way.</summary>
    public string? Body { get; init; }

    /// <summary>The document the answer was scoped to, when one was chosen or given.</summary>
    public string? Scope { get; init; }

    public static Answer Failure(string message) => new(false, message, [], 0, message);
}

/// <summary>The previous turn of a conversation, used to resolve elliptical follow-ups.</summary>
public sealed record PreviousTurn(string Question, string? Intent = null, string? DocId = null);

public sealed record AskRequest(string Question, string? Scope = null, PreviousTurn? Previous = null);
