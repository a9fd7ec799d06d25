using System.Diagnostics;
using System.Text.Json;
using KeHoach57.Core.Answers;

namespace KeHoach57.Benchmarks;

/// <summary>Per-question latency after warm-up, as the eval reports it, over several rounds.</summary>
public static class LatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var questions = ReadQuestions(args);
        var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 5;
        var (services, assistant) = await BenchmarkAssistant.CreateAsync();
        await using var _ = services;
        await assistant.AskAsync(new AskRequest("Hạn báo cáo là ngày nào?"));
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var latencies = new List<double>();
        var cpu = new List<double>();
        for (var round = 0; round < rounds; round++)
            foreach (var (question, scope) in questions)
            {
                var clock = Stopwatch.StartNew();
                var thread = ThreadClock.NowMs();
                await assistant.AskAsync(new AskRequest(question, scope));
                cpu.Add(ThreadClock.NowMs() - thread);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        latencies.Sort();
        cpu.Sort();
        Console.WriteLine($"questions: {questions.Length} × {rounds} rounds, {Environment.ProcessorCount} cores");
        Console.WriteLine($"latency_ms p50: {latencies[latencies.Count / 2]:F2}  p95: {latencies[(int)(0.95 * (latencies.Count - 1))]:F2}  max: {latencies[^1]:F2}");
        // The embedded index answers synchronously, so one question's work is on one thread: its CPU time is the
        // latency this machine would show with a core to itself.
        if (ThreadClock.IsCpuTime)
            Console.WriteLine($"cpu_ms     p50: {cpu[cpu.Count / 2]:F2}  p95: {cpu[(int)(0.95 * (cpu.Count - 1))]:F2}  max: {cpu[^1]:F2}");
        Console.WriteLine($"managed heap after warm-up: {memoryBefore / 1048576.0:F1} MiB, after run: {GC.GetTotalMemory(true) / 1048576.0:F1} MiB");
        return 0;
    }

    /// <summary>The questions of a JSONL file ("question", "scope") named first on the command line, else the built-in ones.</summary>
    public static (string Question, string? Scope)[] ReadQuestions(string[] args) =>
        args.Length > 0 && File.Exists(args[0])
            ? File.ReadLines(args[0]).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => (e.GetProperty("question").GetString()!, e.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null)).ToArray()
            : BenchmarkAssistant.Questions;
}
