using System.Text.Json;
using System.Text.Json.Serialization;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Batch;

/// <summary>One input line of `ask --batch`: {"id", "question", "scope"}.</summary>
public sealed record BatchQuestion(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>One output line of `ask --batch --json`: the batch contract tools outside the project read.</summary>
public sealed record BatchAnswer(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("answered")] bool Answered,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("citations")] IReadOnlyList<Citation> Citations,
    [property: JsonPropertyName("latency_ms")] double LatencyMs,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The contract's `answer` is the answer line alone (or the refusal or error message).</summary>
    public static BatchAnswer From(string? id, string? question, AnswerRecord answer) =>
        new(id, question, answer.Answered, answer.Line, answer.Citations, Math.Round(answer.LatencyMs, 3), answer.Error);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
