using KeHoach57.Evaluation.Running;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Reports;

/// <summary>How one run's items changed since an older report of the same system and variant.</summary>
public sealed record ItemChanges(
    string Label,
    Metrics? OldMetrics,
    Metrics NewMetrics,
    IReadOnlyList<string> Fixed,
    IReadOnlyList<string> Broken,
    IReadOnlyList<string> StillFailing,
    int StillPassing,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed);

/// <summary>The trend between two reports: which items a change fixed, which it broke, which still fail.</summary>
public static class ReportComparer
{
    public static IReadOnlyList<ItemChanges> Compare(EvalReport old, EvalReport current, string system = AssistantTarget.DefaultName) =>
        current.Runs.Where(r => r.System == system && r.Items is not null)
            .Select(run => Compare(old.Find(run.System, run.Variant), run))
            .ToList();

    public static ItemChanges Compare(RunReport? old, RunReport current)
    {
        var before = (old?.Items ?? []).ToDictionary(i => i.Id, i => i.Ok, StringComparer.Ordinal);
        var now = (current.Items ?? []).ToDictionary(i => i.Id, i => i.Ok, StringComparer.Ordinal);
        List<string> Where(Func<bool, bool, bool> change) =>
            now.Where(kv => before.TryGetValue(kv.Key, out var was) && change(was, kv.Value)).Select(kv => kv.Key).ToList();
        return new ItemChanges(
            current.Label, old?.Metrics, current.Metrics,
            Fixed: Where((was, isOk) => !was && isOk),
            Broken: Where((was, isOk) => was && !isOk),
            StillFailing: Where((was, isOk) => !was && !isOk),
            StillPassing: Where((was, isOk) => was && isOk).Count,
            Added: now.Keys.Where(id => !before.ContainsKey(id)).ToList(),
            Removed: before.Keys.Where(id => !now.ContainsKey(id)).ToList());
    }

    public static ReportTable ToTable(ItemChanges c, string oldName)
    {
        IReadOnlyList<string> Ids(string what, IReadOnlyList<string> ids) => [what, ids.Count.ToString(), string.Join(" ", ids)];
        IReadOnlyList<string> Figure(string name) =>
            [name, "", $"{ReportTables.Figure(c.OldMetrics?.Figure(name))} → {ReportTables.Figure(c.NewMetrics.Figure(name))} ({ReportTables.Delta(c.NewMetrics.Figure(name), c.OldMetrics?.Figure(name))})"];
        List<IReadOnlyList<string>> rows =
        [
            Ids("sửa được", c.Fixed),
            Ids("hỏng mới", c.Broken),
            Ids("vẫn sai", c.StillFailing),
            ["vẫn đúng", c.StillPassing.ToString(), ""],
            Ids("mới thêm", c.Added),
            Ids("đã bỏ", c.Removed),
            Figure("answer_accuracy"),
            Figure("evidence_hit@5"),
            Figure("refusal_accuracy"),
            Figure("latency_ms_p95"),
        ];
        return new ReportTable($"So với {oldName} — {c.Label}", ["thay đổi", "số câu", "câu / chỉ số"], rows);
    }
}
