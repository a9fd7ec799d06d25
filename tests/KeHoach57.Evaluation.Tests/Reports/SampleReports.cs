using KeHoach57.Evaluation.Reports;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Tests.Reports;

internal static class SampleReports
{
    public static Metrics Metrics(double answer = 0.5, double hit5 = 0.5, double? refusal = 1, double? p95 = 10, double topDoc = 0.5) =>
        new(10, 0, answer, topDoc, hit5, hit5, hit5, refusal, p95, p95, 100,
            new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(), []);

    public static RunReport Run(string variant, Metrics metrics, params (string Id, bool Ok)[] items) =>
        Run("assistant", variant, metrics, new Dictionary<string, Metrics> { ["dev"] = metrics }, items);

    public static RunReport Run(string system, string variant, Metrics metrics, IReadOnlyDictionary<string, Metrics> bySet, params (string Id, bool Ok)[] items) =>
        new(system, variant, metrics, bySet,
            items.Select(i => new ItemReport(i.Id, "dev", "fact", "yen-hoa", [], i.Ok, i.Ok ? null : "answer", false, null, [["x"]], null)).ToList());

    public static EvalReport Report(params RunReport[] runs) =>
        new(DateTimeOffset.UnixEpoch, [new SetInfo("dev", "dev.jsonl", 10, 10)], runs);
}
