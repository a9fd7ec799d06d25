using System.Text.Json;
using System.Text.Json.Serialization;
using KeHoach57.Answering.Batch;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;
using KeHoach57.Evaluation.Running;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Reports;

/// <summary>What `eval --report` writes and `eval --compare` reads back.</summary>
public sealed record EvalReport(
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("sets")] IReadOnlyList<SetInfo> Sets,
    [property: JsonPropertyName("runs")] IReadOnlyList<RunReport> Runs)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>The half that was run (--half): "all", "tune" or "check". Reports written before halves existed ran all.</summary>
    [JsonPropertyName("half")] public string Half { get; init; } = Halves.All;

    /// <param name="sets">The sets as read; <paramref name="selected"/> tells which of their cases were run (all by default).</param>
    public static EvalReport Create(IReadOnlyList<EvalSet> sets, IEnumerable<RunReport> runs, string half = Halves.All, Func<EvalCase, bool>? selected = null) =>
        new(DateTimeOffset.UtcNow, sets.Select(s => new SetInfo(s.Name, s.Path, s.ItemCount, s.Cases.Count(selected ?? (_ => true)))).ToList(), runs.ToList()) { Half = half };

    public static EvalReport Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<EvalReport>(stream, Json)
            ?? throw new InvalidDataException($"{path}: không phải báo cáo eval");
    }

    public RunReport? Find(string system, string variant) =>
        Runs.FirstOrDefault(r => r.System == system && r.Variant == variant);
}

public sealed record SetInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("cases")] int Cases);

/// <param name="System">"assistant", "baseline" or "ablation &lt;switch&gt;=false".</param>
/// <param name="Metrics">All sets together.</param>
/// <param name="BySet">Each set alone: thresholds are per set.</param>
/// <param name="Items">Per-item outcomes with the batch-contract line; left out for ablation rows.</param>
public sealed record RunReport(
    [property: JsonPropertyName("system")] string System,
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("metrics")] Metrics Metrics,
    [property: JsonPropertyName("sets")] IReadOnlyDictionary<string, Metrics> BySet,
    [property: JsonPropertyName("items"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ItemReport>? Items)
{
    public string Label => $"{System} · {Variant}";

    /// <summary>The figures of each half that had cases in this run, overall and per set: report every figure on check.</summary>
    [JsonPropertyName("halves"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, HalfReport>? Halves { get; init; }

    public static RunReport From(EvalRun run, bool withItems)
    {
        var all = run.Score();
        var bySet = run.Lines.Select(l => l.Case.Set).Distinct().ToDictionary(s => s, s => run.Score(s).Metrics);
        var lines = run.Lines.ToDictionary(l => l.Case.Id, l => l.Line);
        var items = withItems ? all.Verdicts.Select(v => ItemReport.From(v, lines.GetValueOrDefault(v.Case.Id))).ToList() : null;
        var halves = Protocol.Halves.Both.Where(h => run.Lines.Any(l => l.Case.Half == h)).ToDictionary(h => h, h => new HalfReport(
            run.Score(half: h).Metrics,
            run.Lines.Where(l => l.Case.Half == h).Select(l => l.Case.Set).Distinct().ToDictionary(s => s, s => run.Score(s, h).Metrics)));
        return new RunReport(run.System, run.Variant.Name(), all.Metrics, bySet, items) { Halves = halves };
    }
}

/// <summary>One half's figures in a run: all its sets together, and each set.</summary>
public sealed record HalfReport(
    [property: JsonPropertyName("metrics")] Metrics Metrics,
    [property: JsonPropertyName("sets")] IReadOnlyDictionary<string, Metrics> BySet);

public sealed record ItemReport(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("set")] string Set,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("doc")] string? Doc,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("failure")] string? Failure,
    [property: JsonPropertyName("top_doc_ok")] bool TopDocOk,
    [property: JsonPropertyName("hit_rank")] int? HitRank,
    [property: JsonPropertyName("answer_any")] IReadOnlyList<IReadOnlyList<string>> AnswerAny,
    [property: JsonPropertyName("result")] BatchAnswer? Result)
{
    [JsonPropertyName("fact")] public string? Fact { get; init; }

    [JsonPropertyName("wording"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Wording { get; init; }

    [JsonPropertyName("half"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Half { get; init; }

    [JsonPropertyName("na_kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? NaKind { get; init; }

    public static ItemReport From(CaseVerdict v, BatchAnswer? line) =>
        new(v.Case.Id, v.Case.Set, v.Case.Type, v.Case.Doc, v.Case.Tags, v.Ok, v.FailureReason, v.TopDocOk, v.HitRank, v.Case.AnswerAny, line)
        {
            Fact = v.Case.Fact, Wording = v.Case.Wording, Half = v.Case.Half, NaKind = v.Case.NaKind,
        };
}
