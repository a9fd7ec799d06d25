using System.Text.Json;
using KeHoach57.Answering.Batch;

namespace KeHoach57.Evaluation.Scoring;

/// <summary>A citation as the scorer sees it: only where it points and the text it shows.</summary>
public sealed record ResultCitation(string? Doc, string Quote, string Passage);

/// <summary>
/// One answer of the batch contract as score.py reads it, including its defaults for absent fields:
/// <see cref="Answered"/> stays null when the line has no "answered", because score.py reads a missing
/// value as "answered" for unanswerable items and as "not answered" for the others.
/// </summary>
public sealed record ResultLine(string? Id, bool? Answered, string Answer, IReadOnlyList<ResultCitation> Citations, double? LatencyMs)
{
    public static ResultLine From(BatchAnswer line) =>
        new(line.Id, line.Answered, line.Answer ?? "", line.Citations.Select(c => new ResultCitation(c.Doc, c.Quote ?? "", c.Passage ?? "")).ToList(), line.LatencyMs);

    public static ResultLine FromJson(JsonElement line)
    {
        var citations = new List<ResultCitation>();
        if (line.TryGetProperty("citations", out var cites) && cites.ValueKind == JsonValueKind.Array)
            foreach (var c in cites.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
                citations.Add(new ResultCitation(StringOrNull(c, "doc"), StringOrNull(c, "quote") ?? "", StringOrNull(c, "passage") ?? ""));
        return new ResultLine(
            StringOrNull(line, "id"),
            line.TryGetProperty("answered", out var answered) ? Truthy(answered) : null,
            StringOrNull(line, "answer") ?? "",
            citations,
            line.TryGetProperty("latency_ms", out var latency) ? Number(latency) : null);
    }

    /// <summary>Reads a results file; a later line for the same id replaces an earlier one, as in score.py.</summary>
    public static Dictionary<string, ResultLine> ReadJsonl(string path)
    {
        var results = new Dictionary<string, ResultLine>(StringComparer.Ordinal);
        foreach (var text in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            using var json = JsonDocument.Parse(text);
            var line = FromJson(json.RootElement);
            if (line.Id is not null) results[line.Id] = line;
        }
        return results;
    }

    private static string? StringOrNull(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Python truthiness of a JSON value.</summary>
    private static bool Truthy(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => v.GetDouble() != 0,
        JsonValueKind.String => v.GetString()!.Length > 0,
        JsonValueKind.Array => v.GetArrayLength() > 0,
        JsonValueKind.Object => v.EnumerateObject().Any(),
        _ => false,
    };

    /// <summary>isinstance(x, (int, float)): Python's booleans are ints, so true counts as 1 ms.</summary>
    private static double? Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };
}
