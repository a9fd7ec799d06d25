using System.Text.Json.Serialization;
using KeHoach57.Evaluation.Protocol;

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

    /// <summary>Figures of the generalization protocol beside score.py's (eval/README.md); ceilings in practice.</summary>
    public static readonly IReadOnlyList<string> ProtocolFigureNames = ["answerable_refused", "citations_max", "citations_p50"];

    /// <summary>Figures named per key, "answer_accuracy[chat]": the figure and the keys it takes.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KeyedFigures = new Dictionary<string, IReadOnlyList<string>>
    {
        ["answer_accuracy"] = Wordings.All,
        ["wording_gap"] = Wordings.All.Where(w => w != Wordings.Formal).ToList(),
        ["refusal_accuracy"] = NaKinds.All,
    };

    /// <summary>Share of answerable items answered=false: refusing what the plans do say.</summary>
    [JsonPropertyName("answerable_refused")] public double? AnswerableRefused { get; init; }

    /// <summary>Most citations any reply carried, and the median count.</summary>
    [JsonPropertyName("citations_max")] public double? CitationsMax { get; init; }

    [JsonPropertyName("citations_p50")] public double? CitationsP50 { get; init; }

    /// <summary>Answer accuracy per wording, over answerable single items.</summary>
    [JsonPropertyName("per_wording")] public IReadOnlyDictionary<string, Tally> PerWording { get; init; } = new Dictionary<string, Tally>();

    /// <summary>Each wording against formal, over the facts asked both ways.</summary>
    [JsonPropertyName("wording_gap")] public IReadOnlyDictionary<string, WordingGap> WordingGap { get; init; } = new Dictionary<string, WordingGap>();

    /// <summary>Refusal accuracy per kind of unanswerable question.</summary>
    [JsonPropertyName("per_na_kind")] public IReadOnlyDictionary<string, Tally> PerNaKind { get; init; } = new Dictionary<string, Tally>();

    /// <summary>A name a threshold may use: score.py's figures, the protocol's, or a keyed one with a known key.</summary>
    public static bool IsFigure(string name) =>
        FigureNames.Contains(name) || ProtocolFigureNames.Contains(name)
        || (SplitKey(name) is { } keyed && KeyedFigures.TryGetValue(keyed.Figure, out var keys) && keys.Contains(keyed.Key));

    public static IEnumerable<string> AllFigureNames =>
        FigureNames.Concat(ProtocolFigureNames).Concat(KeyedFigures.SelectMany(kv => kv.Value.Select(k => $"{kv.Key}[{k}]")));

    public double? Figure(string name)
    {
        if (SplitKey(name) is { } keyed)
        {
            return keyed.Figure switch
            {
                "answer_accuracy" => PerWording.GetValueOrDefault(keyed.Key)?.Accuracy,
                "wording_gap" => WordingGap.GetValueOrDefault(keyed.Key)?.Gap,
                "refusal_accuracy" => PerNaKind.GetValueOrDefault(keyed.Key)?.Accuracy,
                _ => throw new ArgumentException($"Không có chỉ số \"{name}\"", nameof(name)),
            };
        }
        return name switch
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
            "answerable_refused" => AnswerableRefused,
            "citations_max" => CitationsMax,
            "citations_p50" => CitationsP50,
            _ => throw new ArgumentException($"Không có chỉ số \"{name}\"", nameof(name)),
        };
    }

    /// <summary>"answer_accuracy[chat]" → ("answer_accuracy", "chat"); null for a plain name.</summary>
    private static (string Figure, string Key)? SplitKey(string name)
    {
        var open = name.IndexOf('[');
        return open > 0 && name.EndsWith(']') ? (name[..open], name[(open + 1)..^1]) : null;
    }
}

/// <summary>Right out of judged in one breakdown cell, with its share rounded as score.py rounds.</summary>
public sealed record Tally(
    [property: JsonPropertyName("ok")] int Ok,
    [property: JsonPropertyName("total")] int Total)
{
    [JsonPropertyName("accuracy")] public double Accuracy => PythonNumbers.Round((double)Ok / Math.Max(Total, 1), 3);

    public override string ToString() => $"{Ok}/{Total}";
}

/// <summary>One wording against formal over the <see cref="Facts"/> facts asked both ways; a negative gap is a loss.</summary>
public sealed record WordingGap(
    [property: JsonPropertyName("facts")] int Facts,
    [property: JsonPropertyName("formal")] Tally Formal,
    [property: JsonPropertyName("wording")] Tally Wording)
{
    [JsonPropertyName("gap")]
    public double Gap => PythonNumbers.Round((double)Wording.Ok / Math.Max(Wording.Total, 1) - (double)Formal.Ok / Math.Max(Formal.Total, 1), 3);
}
