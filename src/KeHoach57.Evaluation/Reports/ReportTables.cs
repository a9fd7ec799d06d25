using System.Globalization;
using KeHoach57.Evaluation.Running;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Reports;

/// <summary>A table as both the console and the Markdown summary show it.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Lays a report out as tables once, so the console (Spectre) and the Markdown summary cannot drift apart.
/// Columns are the compared runs side by side: assistant and baseline, each variant.
/// </summary>
public static class ReportTables
{
    public const int ClipChars = 120;
    private const string None = "–";

    public static IReadOnlyList<ReportTable> Build(EvalReport report)
    {
        var main = report.Runs.Where(r => !r.System.StartsWith("ablation", StringComparison.Ordinal)).ToList();
        var tables = new List<ReportTable> { Summary(main) };
        tables.Add(Breakdown("Theo loại câu hỏi (đúng/tổng)", "loại", main, m => m.PerType));
        tables.Add(Breakdown("Theo tài liệu (đúng/tổng)", "tài liệu", main, m => m.PerDoc));
        if (main.Any(r => r.Metrics.PerTag.Count > 0))
            tables.Add(Breakdown("Theo nhãn (đúng/tổng)", "nhãn", main, m => m.PerTag));
        if (main.Any(r => r.Metrics.PerWording.Count > 0))
            tables.Add(Breakdown("Theo cách hỏi (trả lời đúng/tổng, câu đơn trả lời được)", "cách hỏi", main, m => Shares(m.PerWording)));
        if (main.Any(r => r.Metrics.WordingGap.Count > 0)) tables.Add(Gaps(main));
        if (main.Any(r => r.Metrics.PerNaKind.Count > 0))
            tables.Add(Breakdown("Câu không trả lời được theo loại (từ chối đúng/tổng)", "na_kind", main, m => Shares(m.PerNaKind)));
        if (main.Any(r => r.Halves is { Count: > 0 })) tables.Add(PerHalf(main));
        if (report.Sets.Count > 1) tables.Add(PerSet(main, report.Sets.Select(s => s.Name)));
        if (Ablation(report.Runs) is { } ablation) tables.Add(ablation);
        tables.AddRange(main.Where(r => r.System == AssistantTarget.DefaultName).Select(Failures));
        return tables;
    }

    public static string Figure(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : None;

    public static string Clip(string? text, int max = ClipChars)
    {
        var flat = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..max] + "…";
    }

    private static ReportTable Summary(IReadOnlyList<RunReport> runs)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            Row("items", runs.Select(r => r.Metrics.Items.ToString(CultureInfo.InvariantCulture))),
            Row("missing", runs.Select(r => r.Metrics.Missing.ToString(CultureInfo.InvariantCulture))),
        };
        rows.AddRange(Metrics.FigureNames.Concat(Metrics.ProtocolFigureNames).Select(name => Row(name, runs.Select(r => Figure(r.Metrics.Figure(name))))));
        return new ReportTable("Chỉ số", Headers("chỉ số", runs), rows);
    }

    private static ReportTable Breakdown(string title, string key, IReadOnlyList<RunReport> runs, Func<Metrics, IReadOnlyDictionary<string, string>> select)
    {
        var keys = runs.SelectMany(r => select(r.Metrics).Keys).Distinct().Order(StringComparer.Ordinal);
        var rows = keys.Select(k => Row(k, runs.Select(r => select(r.Metrics).GetValueOrDefault(k) ?? None))).ToList();
        return new ReportTable(title, Headers(key, runs), rows);
    }

    private static Dictionary<string, string> Shares(IReadOnlyDictionary<string, Tally> tallies) =>
        tallies.ToDictionary(kv => kv.Key, kv => $"{kv.Value} = {Figure(kv.Value.Accuracy)}");

    /// <summary>Each wording's accuracy against formal's on the same facts: the headline of the protocol.</summary>
    private static ReportTable Gaps(IReadOnlyList<RunReport> runs)
    {
        var wordings = runs.SelectMany(r => r.Metrics.WordingGap.Keys).Distinct().Order(StringComparer.Ordinal);
        var rows = wordings.Select(w => Row(w, runs.Select(r => r.Metrics.WordingGap.GetValueOrDefault(w) is { } g
            ? $"{Signed(g.Gap)} ({Figure(g.Wording.Accuracy)} so với {Figure(g.Formal.Accuracy)}, {g.Facts} sự kiện)"
            : None))).ToList();
        return new ReportTable("Cách hỏi so với formal trên cùng sự kiện (chênh = cách hỏi − formal)", Headers("cách hỏi", runs), rows);
    }

    private static ReportTable PerHalf(IReadOnlyList<RunReport> runs)
    {
        var halves = Protocol.Halves.Both.Where(h => runs.Any(r => r.Halves?.ContainsKey(h) == true));
        var rows = halves.Select(h => Row(h, runs.Select(r => r.Halves?.GetValueOrDefault(h)?.Metrics is { } m
            ? $"{Figure(m.AnswerAccuracy)} / {Figure(m.RefusalAccuracy)} ({m.Items} câu)"
            : None))).ToList();
        return new ReportTable("Theo nửa (answer_accuracy / refusal_accuracy)", Headers("nửa", runs), rows);
    }

    private static ReportTable PerSet(IReadOnlyList<RunReport> runs, IEnumerable<string> sets)
    {
        var rows = sets.Select(s => Row(s, runs.Select(r => r.BySet.TryGetValue(s, out var m)
            ? $"{Figure(m.AnswerAccuracy)} / {Figure(m.EvidenceHit5)}" : None))).ToList();
        return new ReportTable("Theo bộ câu hỏi (answer_accuracy / evidence_hit@5)", Headers("bộ", runs), rows);
    }

    /// <summary>Answer accuracy and hit@5 of each switched-off mechanism, with the change from the full system.</summary>
    private static ReportTable? Ablation(IReadOnlyList<RunReport> runs)
    {
        var ablation = runs.Where(r => r.System.StartsWith("ablation", StringComparison.Ordinal)).ToList();
        if (ablation.Count == 0) return null;
        var variants = ablation.Select(r => r.Variant).Distinct().ToList();
        var headers = new List<string> { "tắt" };
        foreach (var v in variants) headers.AddRange([$"answer_accuracy · {v}", "Δ", $"evidence_hit@5 · {v}", "Δ"]);
        var full = variants.ToDictionary(v => v, v => ablation.FirstOrDefault(r => r.Variant == v && r.System == AblationRunner.SystemName(null)));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var system in ablation.Select(r => r.System).Distinct())
        {
            var row = new List<string> { system["ablation ".Length..] };
            foreach (var v in variants)
            {
                var m = ablation.FirstOrDefault(r => r.System == system && r.Variant == v)?.Metrics;
                var f = full[v]?.Metrics;
                row.AddRange([Figure(m?.AnswerAccuracy), Delta(m?.AnswerAccuracy, f?.AnswerAccuracy), Figure(m?.EvidenceHit5), Delta(m?.EvidenceHit5, f?.EvidenceHit5)]);
            }
            rows.Add(row);
        }
        return new ReportTable("Ablation: tắt từng cơ chế (Δ so với đầy đủ)", headers, rows);
    }

    private static ReportTable Failures(RunReport run)
    {
        var rows = (run.Items ?? []).Where(i => !i.Ok).Select(i =>
        {
            var top = i.Result?.Citations.FirstOrDefault();
            return (IReadOnlyList<string>)
            [
                i.Id, i.Failure ?? "",
                i.Doc is null ? "(từ chối)" : Clip(string.Join(" ; ", i.AnswerAny.Select(g => string.Join(" | ", g)))),
                Clip(i.Result?.Answer),
                top is null ? None : Clip($"{top.Doc} › {top.Section}: {top.Quote}"),
            ];
        }).ToList();
        return new ReportTable($"Câu sai — {run.Label}", ["id", "lý do", "cần", "nhận được", "trích dẫn đầu"], rows);
    }

    public static string Delta(double? value, double? reference)
    {
        if (value is not { } v || reference is not { } r) return None;
        return Signed(PythonNumbers.Round(v - r, 3));
    }

    private static string Signed(double d) => d == 0 ? "0" : d.ToString("+0.###;-0.###", CultureInfo.InvariantCulture);

    private static List<string> Headers(string first, IEnumerable<RunReport> runs) => [first, .. runs.Select(r => r.Label)];

    private static List<string> Row(string first, IEnumerable<string> cells) => [first, .. cells];
}
