using System.Text.Json.Serialization;

namespace KeHoach57.Evaluation.Scoring;

/// <summary>A failed item as score.py lists it: "missing", "should refuse" or "answer".</summary>
public sealed record Failure(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>
/// The figures of one run over one set of items. The first block is score.py's --json output under its
/// own key names; per_tag, per_doc and failures are breakdowns score.py does not print.
/// </summary>
public sealed record Metrics(
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("missing")] int Missing,
    [property: JsonPropertyName("answer_accuracy")] double AnswerAccuracy,
    [property: JsonPropertyName("top_doc_accuracy")] double TopDocAccuracy,
    [property: JsonPropertyName("evidence_hit@1")] double EvidenceHit1,
    [property: JsonPropertyName("evidence_hit@3")] double EvidenceHit3,
    [property: JsonPropertyName("evidence_hit@5")] double EvidenceHit5,
    [property: JsonPropertyName("refusal_accuracy")] double? RefusalAccuracy,
    [property: JsonPropertyName("latency_ms_p50")] double? LatencyP50,
    [property: JsonPropertyName("latency_ms_p95")] double? LatencyP95,
    [property: JsonPropertyName("answer_chars_p50")] double? AnswerCharsP50,
    [property: JsonPropertyName("per_type")] IReadOnlyDictionary<string, string> PerType,
    [property: JsonPropertyName("per_tag")] IReadOnlyDictionary<string, string> PerTag,
    [property: JsonPropertyName("per_doc")] IReadOnlyDictionary<string, string> PerDoc,
    [property: JsonPropertyName("failures")] IReadOnlyList<Failure> Failures)
{
    /// <summary>The figures a threshold or a table can name, by their score.py key.</summary>
    public static readonly IReadOnlyList<string> FigureNames =
    [
        "answer_accuracy", "top_doc_accuracy", "evidence_hit@1", "evidence_hit@3", "evidence_hit@5",
        "refusal_accuracy", "latency_ms_p50", "latency_ms_p95", "answer_chars_p50",
    ];

    public double? Figure(string name) => name switch
    {
        "answer_accuracy" => AnswerAccuracy,
        "top_doc_accuracy" => TopDocAccuracy,
        "evidence_hit@1" => EvidenceHit1,
        "evidence_hit@3" => EvidenceHit3,
        "evidence_hit@5" => EvidenceHit5,
        "refusal_accuracy" => RefusalAccuracy,
        "latency_ms_p50" => LatencyP50,
        "latency_ms_p95" => LatencyP95,
        "answer_chars_p50" => AnswerCharsP50,
        _ => throw new ArgumentException($"Không có chỉ số \"{name}\"", nameof(name)),
    };
}
