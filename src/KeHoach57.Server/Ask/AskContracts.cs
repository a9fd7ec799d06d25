using System.Text.Json.Serialization;
using KeHoach57.Core.Answers;

namespace KeHoach57.Server.Ask;

/// <summary>Body of POST /api/ask and /api/ask/stream.</summary>
/// <param name="ConversationId">The id a previous answer returned, to ask a follow-up; ids are issued by the server only.</param>
public sealed record AskBody(string? Question, string? Scope = null, string? ConversationId = null);

/// <summary>
/// The answer record as the web sees it: the batch contract's fields (answered, answer = the answer line,
/// citations, latency_ms), what the line leads with and why a refusal refused, plus the ids a client needs
/// to follow up and to give feedback.
/// </summary>
public sealed record AskResponse(
    [property: JsonPropertyName("answered")] bool Answered,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("citations")] IReadOnlyList<Citation> Citations,
    [property: JsonPropertyName("latency_ms")] double LatencyMs,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("answerId")] string AnswerId)
{
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("kind")] public AskKind Kind { get; init; }
    [JsonPropertyName("refusalReason")] public string? RefusalReason { get; init; }
    [JsonPropertyName("planId")] public string? PlanId { get; init; }
    [JsonPropertyName("confidence")] public double Confidence { get; init; }

    public static AskResponse From(AnswerRecord answer, double latencyMs, string conversationId, string answerId) =>
        new(answer.Answered, answer.Line, answer.Citations, latencyMs, conversationId, answerId)
        {
            Value = answer.Value,
            Kind = answer.Kind,
            RefusalReason = answer.RefusalReason,
            PlanId = answer.PlanId,
            Confidence = answer.Confidence,
        };
}

/// <summary>Starter questions for the widget (GET /api/suggestions).</summary>
public sealed record SuggestionList(
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("questions")] IReadOnlyList<string> Questions);
