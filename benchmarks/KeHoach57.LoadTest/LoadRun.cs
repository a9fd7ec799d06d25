using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace KeHoach57.LoadTest;

/// <summary>What one bounded run measured.</summary>
public sealed record LoadResult(int Sent, int Answered, double[] SortedLatenciesMs, IReadOnlyDictionary<string, int> Errors, TimeSpan Elapsed)
{
    public double RequestsPerSecond => Sent / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? 0 : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];

    /// <summary>The run as one JSON line, for tools that collect figures.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["req_per_s"] = Math.Round(RequestsPerSecond, 1),
        ["p50_ms"] = Math.Round(Percentile(0.50), 2),
        ["p95_ms"] = Math.Round(Percentile(0.95), 2),
        ["errors"] = Errors.Values.Sum(),
    });

    public void Print(TextWriter output, bool stoppedByTime)
    {
        static string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        output.WriteLine();
        output.WriteLine($"Requests {Sent} in {Elapsed.TotalSeconds:0.00} s{(stoppedByTime ? " (stopped at the time limit)" : "")}");
        output.WriteLine($"Rate     {RequestsPerSecond:0.0} req/s");
        output.WriteLine($"Latency  p50 {Ms(Percentile(0.50))}   p95 {Ms(Percentile(0.95))}   p99 {Ms(Percentile(0.99))}   max {Ms(SortedLatenciesMs.LastOrDefault())}");
        output.WriteLine($"Answered {Answered} of {Sent - Errors.Values.Sum()} successful answers");
        output.WriteLine($"Errors   {(Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key} × {e.Value}")))}");
        output.WriteLine($"Targets  ≥ 500 req/s: {(RequestsPerSecond >= 500 ? "met" : "NOT met")}; p95 ≤ 30 ms: {(Percentile(0.95) <= 30 ? "met" : "NOT met")}");
    }
}

/// <summary>Closed-loop load: <c>concurrency</c> workers each send the next question as soon as the last one is answered.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(HttpClient client, IReadOnlyList<(string Question, string? Scope)> mix,
        int count, int concurrency, CancellationToken stop)
    {
        var latencies = new double[count];
        var sent = 0;
        var next = -1;
        var answered = 0;
        var errors = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !stop.IsCancellationRequested)
            {
                var (question, scope) = mix[i % mix.Count];
                var started = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/ask", new { question, scope }, stop);
                    var body = await response.Content.ReadAsByteArrayAsync(stop);
                    outcome = response.IsSuccessStatusCode ? "ok" : $"HTTP {(int)response.StatusCode}";
                    if (response.IsSuccessStatusCode && JsonDocument.Parse(body).RootElement.GetProperty("answered").GetBoolean())
                        Interlocked.Increment(ref answered);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
                catch (Exception ex) { outcome = ex.GetType().Name; }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref sent);
                if (outcome != "ok") errors.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        return new LoadResult(sent, answered, latencies.Where(l => l > 0).Order().ToArray(), errors, clock.Elapsed);
    }
}
