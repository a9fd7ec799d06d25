using System.Text.Json.Serialization;
using KeHoach57.Core.Answers;

namespace KeHoach57.Server.Ask;

/// <summary>Body of POST /api/ask and /api/ask/stream.</summary>
public sealed record AskBody(string? Question, string? Scope = null, string? ConversationId = null);

/// <summary>
/// The batch contract's answer object (answered, answer, citations, latency_ms) plus the ids a client
/// needs to follow up and to give feedback.
/// </summary>
public sealed record AskResponse(
    [property: JsonPropertyName("answered")] bool Answered,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("citations")] IReadOnlyList<Citation> Citations,
    [property: JsonPropertyName("latency_ms")] double LatencyMs,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("answerId")] string AnswerId);
