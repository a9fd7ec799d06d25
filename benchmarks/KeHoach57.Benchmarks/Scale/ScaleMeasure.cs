using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KeHoach57.Answering;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Hosting;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Benchmarks.Scale;

/// <summary>
/// `scale-measure DIR ROUNDS`, started by <see cref="ScaleRun"/> as a fresh process over a corpus and index it built:
/// time from process start to the first answer, accuracy on the planted questions, p50/p95 over the timed rounds,
/// resident memory, then the first-stage search of the index against FTS5 and a naive scan, same queries and scopes.
/// </summary>
public static partial class ScaleMeasure
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args[0];
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var questions = File.ReadLines(Path.Combine(folder, "questions.jsonl"))
            .Select(l => JsonSerializer.Deserialize<PlantedQuestion>(l, ScaleJson.Options)!).ToList();

        await using var services = ScaleServices.Create(Path.Combine(folder, "corpus"), Path.Combine(folder, "data"));
        var assistant = await services.PrepareAssistantAsync();
        await assistant.AskAsync(new AskRequest(questions[0].Question, questions[0].Scope));
        var cold = (DateTime.UtcNow - started).TotalSeconds;
        using var self = Process.GetCurrentProcess();
        var coldCpu = self.TotalProcessorTime.TotalSeconds;

        int right = 0, checkable = 0;
        foreach (var q in questions)
        {
            var answer = await assistant.AskAsync(new AskRequest(q.Question, q.Scope));
            if (q.Kind == "open") continue;
            checkable++;
            if (IsRight(q, answer)) right++;
        }

        // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        var latencies = new List<double>();
        var threadCpu = new List<double>();
        for (var round = 0; round < rounds; round++)
            foreach (var q in questions)
            {
                var clock = Stopwatch.StartNew();
                var thread = ThreadClock.NowMs();
                await assistant.AskAsync(new AskRequest(q.Question, q.Scope));
                threadCpu.Add(ThreadClock.NowMs() - thread);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        latencies.Sort();
        threadCpu.Sort();
        self.Refresh();
        var cpuPerAnswer = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / latencies.Count;
        var rss = self.WorkingSet64 / 1048576.0;

        var line = new JsonObject
        {
            ["rss_mb"] = Math.Round(rss),
            ["cold_first_answer_s"] = Math.Round(cold, 3),
            ["cold_first_answer_cpu_s"] = Math.Round(coldCpu, 3),
            ["p50_ms"] = Math.Round(Percentile(latencies, 0.50), 2),
            ["p95_ms"] = Math.Round(Percentile(latencies, 0.95), 2),
            ["cpu_ms_per_answer"] = Math.Round(cpuPerAnswer, 2),
            // One answer's work runs on one thread (see LatencyRun): its CPU time is the latency with a core to itself.
            ["cpu_p50_ms"] = Math.Round(Percentile(threadCpu, 0.50), 2),
            ["cpu_p95_ms"] = Math.Round(Percentile(threadCpu, 0.95), 2),
            ["answer_accuracy"] = Math.Round((double)right / Math.Max(1, checkable), 4),
            ["questions"] = questions.Count,
        };
        foreach (var (key, value) in CompareSearch(services, questions)) line[key] = value?.DeepClone();
        Console.WriteLine(line.ToJsonString());
        return 0;
    }

    /// <summary>
    /// The index's first stage on each question's own terms and scope (as the pipeline sends them), then the same
    /// queries on SQLite FTS5 (plain MATCH, ranked by its bm25) and on a scan of every chunk in scope.
    /// </summary>
    private static JsonObject CompareSearch(IServiceProvider services, IReadOnlyList<PlantedQuestion> questions)
    {
        var reader = services.GetRequiredService<QuestionReader>();
        var index = services.GetRequiredService<ISearchIndex>();
        // FTS5 takes seconds a query at 100,000 chunks: the three engines are compared on the same 40 questions, one timed pass.
        var queries = questions.Take(ComparedQuestions).Select(q =>
        {
            var facts = reader.Read(q.Question);
            IReadOnlyList<string>? docs = facts.Places.PlanIds.Count > 0 ? facts.Places.PlanIds : q.Scope is null ? null : [q.Scope];
            return new SearchRequest(facts.Query.Terms, docs, 60);
        }).ToList();

        var ours = Time(queries, r => index.SearchAsync(r).GetAwaiter().GetResult().Count);

        var corpus = services.GetRequiredService<Corpus>();
        var analyzer = services.GetRequiredService<VietnameseAnalyzer>();
        var chunks = corpus.Chunks.Select(c => (c.DocId, Terms: analyzer.Terms(CorpusIndexer.IndexedText(c)))).ToList();
        var naive = new NaiveScan(chunks);
        var naiveMs = Time(queries, naive.Search);
        using var fts = new Fts5Baseline(Path.Combine(Path.GetTempPath(), $"kh57-fts-{Environment.ProcessId}.db"), chunks, naive.TermIds);
        var ftsMs = Time(queries, fts.Search);
        return new JsonObject
        {
            ["search_p50_ms"] = Math.Round(ours.P50, 3),
            ["search_mean_ms"] = Math.Round(ours.Mean, 3),
            ["fts5_mean_ms"] = Math.Round(ftsMs.Mean, 3),
            ["naive_mean_ms"] = Math.Round(naiveMs.Mean, 3),
            ["fts5_over_search"] = Math.Round(ftsMs.Mean / ours.Mean, 1),
            ["naive_over_search"] = Math.Round(naiveMs.Mean / ours.Mean, 1),
        };
    }

    private const int ComparedQuestions = 40;

    /// <summary>Thread CPU time per query (see <see cref="ThreadClock"/>), after a warm-up on the first ten.</summary>
    private static (double Mean, double P50) Time(IReadOnlyList<SearchRequest> queries, Func<SearchRequest, int> search)
    {
        foreach (var q in queries.Take(10)) search(q);
        var times = new List<double>();
        foreach (var q in queries)
        {
            var start = ThreadClock.NowMs();
            search(q);
            times.Add(ThreadClock.NowMs() - start);
        }
        times.Sort();
        return (times.Average(), Percentile(times, 0.5));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Whether the answer line states the planted fact: the same date, the unit's name, the percentage.</summary>
    public static bool IsRight(PlantedQuestion question, AnswerRecord answer)
    {
        if (!answer.Answered) return false;
        var line = answer.Line;
        switch (question.Kind)
        {
            case "deadline":
                var expected = question.Expected.Split('/').Select(int.Parse).ToArray();
                return DatePattern().Matches(line).Any(m =>
                    int.Parse(m.Groups[1].Value) == expected[0] && int.Parse(m.Groups[2].Value) == expected[1] && int.Parse(m.Groups[3].Value) == expected[2]);
            case "lead-unit":
                return VietnameseText.Fold(line).Contains(VietnameseText.Fold(question.Expected), StringComparison.Ordinal);
            default:
                var number = question.Expected.TrimEnd('%');
                return Regex.IsMatch(line, $@"(?<![\d,.]){Regex.Escape(number)}\s*%");
        }
    }

    [GeneratedRegex(@"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")]
    private static partial Regex DatePattern();
}
