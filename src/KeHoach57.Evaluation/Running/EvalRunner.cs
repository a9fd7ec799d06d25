using System.Diagnostics;
using KeHoach57.Answering.Batch;
using KeHoach57.Core.Answers;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Running;

/// <summary>One case's outcome: the batch-contract line the target produced for it.</summary>
public sealed record CaseLine(EvalCase Case, BatchAnswer Line);

/// <summary>All answers of one target to one variant of the questions.</summary>
public sealed record EvalRun(string System, EvalVariant Variant, IReadOnlyList<CaseLine> Lines)
{
    private IReadOnlyDictionary<string, ResultLine>? _results;

    public IReadOnlyDictionary<string, ResultLine> Results =>
        _results ??= Lines.ToDictionary(l => l.Case.Id, l => ResultLine.From(l.Line), StringComparer.Ordinal);

    /// <summary>Scores the cases of one set, or all of them; of one half (tune, check), or both.</summary>
    public Scorecard Score(string? set = null, string? half = null) =>
        Scorer.Score(Lines.Select(l => l.Case).Where(c => (set is null || c.Set == set) && (half is null || c.Half == half)), Results);
}

/// <summary>
/// Puts eval cases to a target in order, in process. Dialogue turns share one conversation, so a
/// follow-up resolves against the turn before it; each dialogue gets a fresh conversation per run.
/// </summary>
public sealed class EvalRunner
{
    public async Task<EvalRun> RunAsync(IAnsweringTarget target, IReadOnlyList<EvalCase> cases, EvalVariant variant, CancellationToken cancellationToken = default)
    {
        if (cases.Count > 0)
        {
            // The first question pays for loading the index and JIT; latency is per question after that.
            await AskTimedAsync(target, cases[0].QuestionFor(variant), cases[0].Scope, null, cancellationToken);
        }
        var runId = Guid.NewGuid().ToString("N")[..8];
        var lines = new List<CaseLine>(cases.Count);
        foreach (var c in cases)
        {
            var question = c.QuestionFor(variant);
            var conversation = c.DialogueId is null ? null : $"eval:{runId}:{variant.Name()}:{c.DialogueId}";
            var (answer, elapsed) = await AskTimedAsync(target, question, c.Scope, conversation, cancellationToken);
            // Wall-clock time around the call, so work a target does outside its own stopwatch still counts.
            lines.Add(new CaseLine(c, BatchAnswer.From(c.Id, question, answer) with { LatencyMs = Math.Round(elapsed, 3) }));
        }
        return new EvalRun(target.Name, variant, lines);
    }

    private static async Task<(AnswerRecord Answer, double ElapsedMs)> AskTimedAsync(
        IAnsweringTarget target, string question, string? scope, string? conversation, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        AnswerRecord answer;
        try
        {
            answer = await target.AskAsync(question, scope, conversation, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One crashing question is a failed item, not a lost run.
            answer = AnswerRecord.Failure($"{ex.GetType().Name}: {ex.Message}");
        }
        return (answer, clock.Elapsed.TotalMilliseconds);
    }
}
