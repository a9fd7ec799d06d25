using System.Globalization;
using System.Text.Json;
using KeHoach57.Answering;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Search;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Hosting;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeHoach57.Benchmarks;

/// <summary>
/// `steps [questions.jsonl] [rounds]`: where the time of one answer goes. Runs the pipeline's steps one by one, as
/// AnswerPipeline chains them (understand → retrieve → select clause → ground → compose), each under its own
/// stopwatch, and splits retrieve into the index's first stage, the passage features above it (Retriever) and the
/// answering's prior (PassageSearch). Prints per step the mean,
/// p50 and p95 over all questions and rounds after warm-up, and its share of the total. Measures only: the product's
/// code is called as it is.
/// </summary>
public static class StepsRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var questions = LatencyRun.ReadQuestions(args);
        var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 5;
        var (services, _) = await BenchmarkAssistant.CreateAsync();
        await using var __ = services;
        var reader = services.GetRequiredService<QuestionReader>();
        var search = services.GetRequiredService<PassageSearch>();
        var retriever = services.GetRequiredService<Retriever>();
        var index = services.GetRequiredService<ISearchIndex>();
        var ranking = services.GetRequiredService<IOptions<RankingOptions>>().Value;
        var selector = services.GetRequiredService<ClauseSelector>();
        var grounder = services.GetRequiredService<Grounder>();
        var composer = services.GetRequiredService<AnswerComposer>();
        var calibrate = services.GetRequiredService<IOptions<AnsweringOptions>>().Value.Calibrate;

        string[] steps = ["understand", "retrieve: index", "retrieve: features", "retrieve: prior", "select clause", "ground", "compose"];
        var times = steps.ToDictionary(s => s, _ => new List<double>());
        var totals = new List<double>();
        for (var round = -1; round < rounds; round++)
            foreach (var (question, scope) in questions)
            {
                var step = new double[steps.Length];
                var clock = new Lapper();
                var facts = reader.Read(question);
                step[0] = Lap(clock);
                IReadOnlyList<string>? docs = facts.Places.PlanIds.Count == 1 ? facts.Places.PlanIds : scope is null ? null : [scope];
                await index.SearchAsync(new SearchRequest(facts.Query.Terms, docs, ranking.Candidates));
                step[1] = Lap(clock);
                // Each of these runs the index's first stage again: what is left after it is what the step adds.
                await retriever.RetrieveAsync(facts.Query, docs, 8);
                step[2] = Math.Max(0, Lap(clock) - step[1]);
                var passages = await search.FindAsync(facts, docs, CancellationToken.None);
                step[3] = Math.Max(0, Lap(clock) - step[1] - step[2]);
                var selected = selector.Select(facts, passages);
                step[4] = Lap(clock);
                var verdict = grounder.Judge(facts, selected, passages.Take(selector.PassagesRead).ToList());
                step[5] = Lap(clock);
                _ = verdict.RefusalReason is not null && (calibrate || selected.Best is null)
                    ? composer.Refusal(facts, verdict.RefusalReason!, passages, scope, verdict.Confidence)
                    : composer.Answer(facts, selected.Best!, verdict, passages);
                step[6] = Lap(clock);
                if (round < 0) continue;
                for (var s = 0; s < steps.Length; s++) times[steps[s]].Add(step[s]);
                totals.Add(step.Sum());
            }

        var total = totals.Sum();
        Console.WriteLine($"questions: {questions.Length} × {rounds} rounds, {Environment.ProcessorCount} cores, " +
            (ThreadClock.IsCpuTime ? "thread CPU time" : "wall time"));
        Console.WriteLine($"{"step",-20} {"mean ms",9} {"p50 ms",9} {"p95 ms",9} {"share",7}");
        foreach (var s in steps)
        {
            var t = times[s].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s,-20} {t.Average(),9:F3} {Pct(t, 0.5),9:F3} {Pct(t, 0.95),9:F3} {t.Sum() / total,7:P1}"));
        }
        var all = totals.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-20} {all.Average(),9:F3} {Pct(all, 0.5),9:F3} {Pct(all, 0.95),9:F3}"));
        return 0;
    }

    private static double Lap(Lapper clock) => clock.Lap();

    /// <summary>Thread CPU time between laps (see <see cref="ThreadClock"/>): the steps run synchronously on one thread.</summary>
    private sealed class Lapper
    {
        private double _last = ThreadClock.NowMs();

        public double Lap()
        {
            var now = ThreadClock.NowMs();
            var ms = now - _last;
            _last = now;
            return ms;
        }
    }

    private static double Pct(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
