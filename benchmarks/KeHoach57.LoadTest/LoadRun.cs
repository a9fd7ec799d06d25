using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace KeHoach57.LoadTest;

/// <summary>What one bounded run measured.</summary>
public sealed record LoadResult(int Sent, int Answered, double[] SortedLatenciesMs, IReadOnlyDictionary<string, int> Errors, TimeSpan Elapsed,
    ProcessCost Cost)
{
    public double RequestsPerSecond => Sent / Elapsed.TotalSeconds;

    public double CpuMsPerRequest => Sent == 0 ? 0 : Cost.Cpu.TotalMilliseconds / Sent;

    public double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? 0 : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];

    /// <summary>The run as one JSON line, for tools that collect figures.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["req_per_s"] = Math.Round(RequestsPerSecond, 1),
        ["p50_ms"] = Math.Round(Percentile(0.50), 2),
        ["p95_ms"] = Math.Round(Percentile(0.95), 2),
        ["errors"] = Errors.Values.Sum(),
        ["cpu_ms_per_req"] = Math.Round(CpuMsPerRequest, 2),
        ["alloc_kb_per_req"] = Sent == 0 ? 0 : Math.Round(Cost.AllocatedBytes / 1024.0 / Sent, 1),
        ["gc_pause_ms_per_req"] = Sent == 0 ? 0 : Math.Round(Cost.GcPause.TotalMilliseconds / Sent, 3),
        ["gc_gen0_gen1_gen2"] = new[] { Cost.Gen0, Cost.Gen1, Cost.Gen2 },
        ["jit_methods"] = Cost.JitMethods,
        ["load_avg"] = ProcessCost.LoadAverage() ?? -1,
        ["cores"] = Environment.ProcessorCount,
    });

    public void Print(TextWriter output, bool stoppedByTime)
    {
        static string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        output.WriteLine();
        output.WriteLine($"Requests {Sent} in {Elapsed.TotalSeconds:0.00} s{(stoppedByTime ? " (stopped at the time limit)" : "")}");
        output.WriteLine($"Rate     {RequestsPerSecond:0.0} req/s");
        output.WriteLine($"Latency  p50 {Ms(Percentile(0.50))}   p95 {Ms(Percentile(0.95))}   p99 {Ms(Percentile(0.99))}   max {Ms(SortedLatenciesMs.LastOrDefault())}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU      {CpuMsPerRequest:0.00} ms a request (process: server, load and GC), {Cost.Cpu.TotalSeconds / Elapsed.TotalSeconds:0.00} cores busy; load average {ProcessCost.LoadAverage():0.0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory   {Cost.AllocatedBytes / 1024.0 / Math.Max(1, Sent):0.0} KB allocated a request; GC gen0/1/2 {Cost.Gen0}/{Cost.Gen1}/{Cost.Gen2}, paused {Cost.GcPause.TotalMilliseconds:0} ms ({ProcessCost.GcMode}); JIT {Cost.JitMethods} methods, {Cost.JitTime.TotalMilliseconds:0} ms"));
        output.WriteLine($"Answered {Answered} of {Sent - Errors.Values.Sum()} successful answers");
        output.WriteLine($"Errors   {(Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key} × {e.Value}")))}");
        output.WriteLine($"Targets  (issue 14, cache off) ≥ 1,000 req/s: {(RequestsPerSecond >= 1_000 ? "met" : "NOT met")}; p95 ≤ 50 ms: {(Percentile(0.95) <= 50 ? "met" : "NOT met")}");
    }
}

/// <summary>Asks one question; returns whether it was answered, or throws.</summary>
public delegate Task<bool> AskOnce(string question, string? scope, CancellationToken stop);

/// <summary>Closed-loop load: <c>concurrency</c> workers each send the next question as soon as the last one is answered.</summary>
public static class LoadRun
{
    /// <summary>
    /// POST /api/ask, as a browser's fetch with a JSON.stringify body sends it: the body whole, with its Content-Length
    /// (PostAsJsonAsync streams it in chunks, which no browser does, and the server then reads chunked framing); a
    /// non-2xx status is an error named by its code. The answer is parsed as it is read, into pooled buffers given back
    /// afterwards: the load generator shares the server's process and cores, so what it spends is counted as the
    /// requests' cost (buffering the body, copying it out and leaving the parsed document's rented arrays to the
    /// collector was ~5% of the bytes allocated a request).
    /// </summary>
    public static AskOnce Http(HttpClient client) => async (question, scope, stop) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new AskBody(question, scope))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        if (!response.IsSuccessStatusCode) throw new HttpStatusError((int)response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(stop);
        using var answer = await JsonDocument.ParseAsync(body, cancellationToken: stop);
        return answer.RootElement.GetProperty("answered").GetBoolean();
    };

    private sealed record AskBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("question")] string Question,
        [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string? Scope);

    public sealed class HttpStatusError(int status) : Exception($"HTTP {status}")
    {
        public int Status { get; } = status;
    }

    public static Task<LoadResult> RunAsync(HttpClient client, IReadOnlyList<(string Question, string? Scope)> mix,
        int count, int concurrency, CancellationToken stop) => RunAsync(Http(client), mix, count, concurrency, stop);

    public static async Task<LoadResult> RunAsync(AskOnce ask, IReadOnlyList<(string Question, string? Scope)> mix,
        int count, int concurrency, CancellationToken stop)
    {
        var latencies = new double[count];
        var sent = 0;
        var next = -1;
        var answered = 0;
        var errors = new ConcurrentDictionary<string, int>();
        var before = ProcessCost.Now();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !stop.IsCancellationRequested)
            {
                var (question, scope) = mix[i % mix.Count];
                var started = Stopwatch.GetTimestamp();
                string outcome = "ok";
                try
                {
                    if (await ask(question, scope, stop)) Interlocked.Increment(ref answered);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
                catch (HttpStatusError ex) { outcome = ex.Message; }
                catch (Exception ex) { outcome = ex.GetType().Name; }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref sent);
                if (outcome != "ok") errors.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var cost = ProcessCost.Now() - before;
        return new LoadResult(sent, answered, latencies.Where(l => l > 0).Order().ToArray(), errors, clock.Elapsed, cost);
    }
}
