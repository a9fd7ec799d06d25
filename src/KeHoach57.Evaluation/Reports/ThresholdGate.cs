using System.Globalization;
using System.Text.Json;
using KeHoach57.Evaluation.Items;
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
/// to every set without its own entry. Thresholds only go up: a drop below one fails the run.
/// </summary>
public sealed class ThresholdGate(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> sets)
{
    public const string AnySet = "*";
    public const string MaxSuffix = "_max";

    public static ThresholdGate Load(string path) => Parse(File.ReadAllText(path), path);

    public static ThresholdGate Parse(string json, string source)
    {
        var problems = new List<string>();
        var sets = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("sets", out var root) || root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{source}: cần {{\"sets\": {{\"<bộ hoặc *>\": {{\"question\": {{\"answer_accuracy\": 0.5, …}}}}}}}}");
        foreach (var set in root.EnumerateObject())
        {
            var variants = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
            foreach (var variant in set.Value.ValueKind == JsonValueKind.Object ? set.Value.EnumerateObject() : [])
            {
                if (EvalVariants.Parse(variant.Name) is null)
                {
                    problems.Add($"sets.{set.Name}.{variant.Name}: biến thể phải là question hoặc question_plain");
                    continue;
                }
                var figures = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var figure in variant.Value.ValueKind == JsonValueKind.Object ? variant.Value.EnumerateObject() : [])
                {
                    var name = figure.Name.EndsWith(MaxSuffix, StringComparison.Ordinal) ? figure.Name[..^MaxSuffix.Length] : figure.Name;
                    if (!Metrics.FigureNames.Contains(name))
                        problems.Add($"sets.{set.Name}.{variant.Name}.{figure.Name}: không có chỉ số này (có: {string.Join(", ", Metrics.FigureNames)}; thêm {MaxSuffix} cho ngưỡng trần)");
                    else if (figure.Value.ValueKind != JsonValueKind.Number)
                        problems.Add($"sets.{set.Name}.{variant.Name}.{figure.Name}: phải là số");
                    else figures[figure.Name] = figure.Value.GetDouble();
                }
                variants[variant.Name] = figures;
            }
            sets[set.Name] = variants;
        }
        if (problems.Count > 0)
            throw new InvalidDataException($"{source}:\n" + string.Join("\n", problems.Select(p => "  " + p)));
        return new ThresholdGate(sets);
    }

    public GateResult Check(EvalReport report, string system = AssistantTarget.DefaultName)
    {
        var failures = new List<string>();
        var notes = new List<string>();
        foreach (var run in report.Runs.Where(r => r.System == system))
        {
            foreach (var (set, metrics) in run.BySet.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var limits = (sets.GetValueOrDefault(set) ?? sets.GetValueOrDefault(AnySet))?.GetValueOrDefault(run.Variant);
                if (limits is null)
                {
                    notes.Add($"{set} · {run.Variant}: không có ngưỡng");
                    continue;
                }
                foreach (var (figure, limit) in limits)
                {
                    var isMax = figure.EndsWith(MaxSuffix, StringComparison.Ordinal);
                    var name = isMax ? figure[..^MaxSuffix.Length] : figure;
                    if (metrics.Figure(name) is not { } actual)
                    {
                        // refusal_accuracy is null for a set without unanswerable items: nothing to hold it to.
                        notes.Add($"{set} · {run.Variant}: {name} không áp dụng (không có dữ liệu)");
                        continue;
                    }
                    if (isMax ? actual > limit : actual < limit)
                        failures.Add($"{set} · {run.Variant}: {name} = {Format(actual)} {(isMax ? ">" : "<")} ngưỡng {Format(limit)}");
                }
            }
        }
        return new GateResult(failures, notes);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
