using System.Globalization;
using System.Text.Json;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;
using KeHoach57.Evaluation.Running;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Reports;

public sealed record GateResult(IReadOnlyList<string> Failures, IReadOnlyList<string> Notes)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// Minimum figures per set and variant (eval/thresholds.json). A figure name is a floor
/// ("answer_accuracy": 0.4); with "_max" it is a ceiling ("latency_ms_p95_max": 2000). The set "*" applies
/// to every set without its own entry. Variants directly under a set hold figures of a run over the whole set;
/// variants under "tune" or "check" hold figures of that half (eval/README.md). Thresholds only go up: a drop
/// below one fails the run.
/// </summary>
public sealed class ThresholdGate
{
    public const string AnySet = "*";
    public const string MaxSuffix = "_max";

    /// <summary>(set, part) → variant → figure → limit; a part is "all" (the whole set) or a half.</summary>
    private readonly IReadOnlyDictionary<(string Set, string Part), IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> _limits;

    private ThresholdGate(IReadOnlyDictionary<(string, string), IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> limits) => _limits = limits;

    public static ThresholdGate Load(string path) => Parse(File.ReadAllText(path), path);

    public static ThresholdGate Parse(string json, string source)
    {
        var problems = new List<string>();
        var limits = new Dictionary<(string, string), IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>>();
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("sets", out var root) || root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{source}: cần {{\"sets\": {{\"<bộ hoặc *>\": {{\"question\": {{\"answer_accuracy\": 0.5, …}}, \"check\": {{\"question\": {{…}}}}}}}}}}");
        foreach (var set in root.EnumerateObject())
        {
            var whole = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
            foreach (var entry in Members(set.Value))
            {
                var path = $"sets.{set.Name}.{entry.Name}";
                if (Halves.Both.Contains(entry.Name))
                {
                    var half = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
                    foreach (var variant in Members(entry.Value)) ReadVariant(variant, $"{path}.{variant.Name}", half, problems);
                    limits[(set.Name, entry.Name)] = half;
                }
                else ReadVariant(entry, path, whole, problems);
            }
            // "*" stands in for each part (whole set, each half) a set does not give itself.
            if (whole.Count > 0 || !Members(set.Value).Any(e => Halves.Both.Contains(e.Name))) limits[(set.Name, Halves.All)] = whole;
        }
        if (problems.Count > 0)
            throw new InvalidDataException($"{source}:\n" + string.Join("\n", problems.Select(p => "  " + p)));
        return new ThresholdGate(limits);
    }

    private static void ReadVariant(JsonProperty variant, string path, Dictionary<string, IReadOnlyDictionary<string, double>> into, List<string> problems)
    {
        if (EvalVariants.Parse(variant.Name) is null)
        {
            problems.Add($"{path}: biến thể phải là question hoặc question_plain (hoặc nửa {string.Join("/", Halves.Both)} chứa các biến thể)");
            return;
        }
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var figure in Members(variant.Value))
        {
            var name = figure.Name.EndsWith(MaxSuffix, StringComparison.Ordinal) ? figure.Name[..^MaxSuffix.Length] : figure.Name;
            if (!Metrics.IsFigure(name))
                problems.Add($"{path}.{figure.Name}: không có chỉ số này (có: {string.Join(", ", Metrics.FigureNames.Concat(Metrics.ProtocolFigureNames))}, "
                    + $"{string.Join(", ", Metrics.KeyedFigures.Select(kv => $"{kv.Key}[{string.Join("|", kv.Value)}]"))}; thêm {MaxSuffix} cho ngưỡng trần)");
            else if (figure.Value.ValueKind != JsonValueKind.Number)
                problems.Add($"{path}.{figure.Name}: phải là số");
            else figures[figure.Name] = figure.Value.GetDouble();
        }
        into[variant.Name] = figures;
    }

    private static IEnumerable<JsonProperty> Members(JsonElement e) => e.ValueKind == JsonValueKind.Object ? e.EnumerateObject() : [];

    public GateResult Check(EvalReport report, string system = AssistantTarget.DefaultName)
    {
        var failures = new List<string>();
        var notes = new List<string>();
        foreach (var run in report.Runs.Where(r => r.System == system))
        {
            // A run of one half has no whole-set figures to hold to the whole-set thresholds.
            if (report.Half == Halves.All) CheckPart(run.BySet, Halves.All, run.Variant, failures, notes);
            else if (HasLimits(Halves.All, run.Variant)) notes.Add($"{run.Variant}: chỉ chạy nửa {report.Half}, ngưỡng của cả bộ không áp dụng");
            foreach (var half in Halves.Both.Where(h => report.Half == Halves.All || report.Half == h))
            {
                var measured = run.Halves?.GetValueOrDefault(half)?.BySet ?? new Dictionary<string, Metrics>();
                CheckPart(measured, half, run.Variant, failures, notes);
                foreach (var set in run.BySet.Keys.Where(s => !measured.ContainsKey(s) && LimitsFor(s, half, run.Variant) is not null).Order(StringComparer.Ordinal))
                    notes.Add($"{set} · {half} · {run.Variant}: có ngưỡng nhưng không có câu nào ở nửa {half} (chạy `eval split`?)");
            }
        }
        return new GateResult(failures, notes);
    }

    private void CheckPart(IReadOnlyDictionary<string, Metrics> bySet, string part, string variant, List<string> failures, List<string> notes)
    {
        var label = part == Halves.All ? variant : $"{part} · {variant}";
        foreach (var (set, metrics) in bySet.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var limits = LimitsFor(set, part, variant);
            if (limits is null)
            {
                // Half thresholds are optional: only say so when some set has them.
                if (part == Halves.All || HasLimits(part, variant)) notes.Add($"{set} · {label}: không có ngưỡng");
                continue;
            }
            foreach (var (figure, limit) in limits)
            {
                var isMax = figure.EndsWith(MaxSuffix, StringComparison.Ordinal);
                var name = isMax ? figure[..^MaxSuffix.Length] : figure;
                if (metrics.Figure(name) is not { } actual)
                {
                    // refusal_accuracy is null for a set without unanswerable items: nothing to hold it to.
                    notes.Add($"{set} · {label}: {name} không áp dụng (không có dữ liệu)");
                    continue;
                }
                if (isMax ? actual > limit : actual < limit)
                    failures.Add($"{set} · {label}: {name} = {Format(actual)} {(isMax ? ">" : "<")} ngưỡng {Format(limit)}");
            }
        }
    }

    private IReadOnlyDictionary<string, double>? LimitsFor(string set, string part, string variant) =>
        (_limits.GetValueOrDefault((set, part)) ?? _limits.GetValueOrDefault((AnySet, part)))?.GetValueOrDefault(variant);

    private bool HasLimits(string part, string variant) =>
        _limits.Any(kv => kv.Key.Part == part && kv.Value.ContainsKey(variant));

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
