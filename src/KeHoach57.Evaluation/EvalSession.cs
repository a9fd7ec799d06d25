using KeHoach57.Conversations;
using KeHoach57.Core.Documents;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;
using KeHoach57.Evaluation.Reports;
using KeHoach57.Evaluation.Running;
using KeHoach57.Evaluation.Validation;
using KeHoach57.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Evaluation;

/// <param name="Compare">An older report to show per-item changes against.</param>
/// <param name="Gate">Thresholds the assistant's figures must meet.</param>
/// <param name="Half">"tune" or "check" runs that half's cases only; "all" runs every case.</param>
public sealed record EvalOptions(
    IReadOnlyList<EvalVariant> Variants,
    bool Baseline = false,
    bool Ablation = false,
    EvalReport? Compare = null,
    string? CompareName = null,
    ThresholdGate? Gate = null,
    string Half = Halves.All);

public sealed record EvalOutcome(
    EvalReport Report,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportSection> Sections,
    ValidationResult Validation,
    GateResult? Gate);

/// <summary>
/// One `eval` invocation: checks the items against the corpus, runs the assistant (and the baseline and
/// the ablation rows when asked) over every variant, and lays out the report, the trend and the gate.
/// </summary>
/// <param name="services">The production container: its assistant is the one measured.</param>
/// <param name="buildServices">Builds a fresh container with configuration overrides, for ablation rows.</param>
public sealed class EvalSession(IServiceProvider services, Func<IReadOnlyDictionary<string, string?>, ServiceProvider> buildServices, Action<string>? log = null)
{
    private const int ListedFindings = 25;
    private readonly EvalRunner _runner = new();

    public async Task<EvalOutcome> RunAsync(IReadOnlyList<EvalSet> sets, EvalOptions options, CancellationToken cancellationToken = default)
    {
        var all = sets.SelectMany(s => s.Cases).ToList();
        var assistant = await services.PrepareAssistantAsync(cancellationToken);
        // Every wording of a fact is checked together, whichever half is run.
        var validation = new EvalSetValidator(assistant.Corpus).Validate(all);
        bool Selected(EvalCase c) => options.Half == Halves.All || c.Half == options.Half;
        var cases = all.Where(Selected).ToList();

        var runs = new List<RunReport>();
        var targets = new List<IAnsweringTarget> { new AssistantTarget(services.GetRequiredService<ConversationService>()) };
        if (options.Baseline) targets.Add(new BaselinePipeline(services.GetRequiredService<Corpus>()));
        foreach (var target in targets)
            foreach (var variant in options.Variants)
            {
                log?.Invoke($"{target.Name} · {variant.Name()}: {cases.Count} câu");
                runs.Add(RunReport.From(await _runner.RunAsync(target, cases, variant, cancellationToken), withItems: true));
            }
        if (options.Ablation)
        {
            await foreach (var run in new AblationRunner(buildServices, _runner).RunAsync(cases, options.Variants, cancellationToken))
            {
                log?.Invoke($"{run.System} · {run.Variant.Name()}");
                runs.Add(RunReport.From(run, withItems: false));
            }
        }

        var report = EvalReport.Create(sets, runs, options.Half, Selected);
        var tables = ReportTables.Build(report).ToList();
        if (options.Compare is { } old)
            tables.AddRange(ReportComparer.Compare(old, report).Select(c => ReportComparer.ToTable(c, options.CompareName ?? "báo cáo cũ")));
        var gate = options.Gate?.Check(report);
        var sections = new List<ReportSection> { ValidationSection(validation, assistant.Corpus) };
        if (gate is not null) sections.Add(GateSection(gate));
        return new EvalOutcome(report, tables, sections, validation, gate);
    }

    private static ReportSection ValidationSection(ValidationResult validation, Corpus corpus)
    {
        var lines = new List<string>
        {
            $"corpus: {corpus.Documents.Count} tài liệu, {corpus.Chunks.Count()} đoạn; {validation.Errors.Count} lỗi, {validation.Warnings.Count} cảnh báo",
        };
        lines.AddRange(Listed("lỗi", validation.Errors));
        lines.AddRange(Listed("cảnh báo", validation.Warnings));
        return new ReportSection("Kiểm tra bộ câu hỏi với corpus", lines, Alert: !validation.Valid);
    }

    private static IEnumerable<string> Listed(string kind, IReadOnlyList<ValidationFinding> findings)
    {
        foreach (var f in findings.Take(ListedFindings)) yield return $"{kind}: {f}";
        if (findings.Count > ListedFindings) yield return $"… và {findings.Count - ListedFindings} {kind} nữa";
    }

    private static ReportSection GateSection(GateResult gate) =>
        new(gate.Passed ? "Ngưỡng: ĐẠT" : "Ngưỡng: KHÔNG ĐẠT",
            [.. gate.Passed ? ["mọi chỉ số có ngưỡng đều đạt"] : gate.Failures.Select(f => "không đạt: " + f), .. gate.Notes], Alert: !gate.Passed);
}
