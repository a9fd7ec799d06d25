using KeHoach57.Answering;
using KeHoach57.Core.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.LoadTest;

// Not top-level statements: those would declare a second global Program and hide the server's from WebApplicationFactory.
public static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try { options = LoadOptions.Parse(args); }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }

        // With --json, stdout carries the one result line and nothing else.
        var report = options.Json ? Console.Error : Console.Out;
        var scratch = Directory.CreateTempSubdirectory("kh57-load-");
        try
        {
            var (corpusPath, corpusSource) = InProcessServer.ResolveCorpus(options.CorpusPath, scratch.FullName);
            await using var server = new InProcessServer(corpusPath, Path.Combine(scratch.FullName, "data"), options.CacheOff);
            var baseAddress = server.Start();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
            {
                BaseAddress = baseAddress,
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitUntilReadyAsync(client);

            var assistant = server.Services.GetRequiredService<Assistant>();
            var corpus = assistant.Corpus;
            var mix = Questions.Mix(corpus.Documents.Select(d => d.Info.Id).ToList());
            report.WriteLine($"Server   {baseAddress} ({Environment.ProcessorCount} cores; server and load share this process)");
            report.WriteLine($"Corpus   {corpus.Documents.Count} documents, {corpus.Chunks.Count()} chunks — {corpusSource}");
            report.WriteLine($"Load     {options.Requests} × POST /api/ask, concurrency {options.Concurrency}, " +
                $"{mix.Count} questions in the mix, {options.Warmup} warm-up, at most {options.MaxDuration.TotalSeconds:0} s" +
                (options.CacheOff ? ", answer cache off" : "") + (options.Direct ? ", DIRECT: Assistant.AskAsync in-process, no HTTP" : ""));
            report.WriteLine($"Process  {ProcessCost.GcMode}");

            var ask = options.Direct
                ? (AskOnce)(async (question, scope, stop) => (await assistant.AskAsync(new AskRequest(question, scope), stop)).Answered)
                : LoadRun.Http(client);
            await WarmUpAsync(ask, mix, options, report);
            using var deadline = new CancellationTokenSource(options.MaxDuration);
            if (options.SampleEvery > 0) return await Soak.RunAsync(client, mix, options, server.DataPath, deadline.Token) ? 0 : 1;
            var result = await LoadRun.RunAsync(ask, mix, options.Requests, options.Concurrency, deadline.Token);
            result.Print(report, deadline.IsCancellationRequested);
            if (options.Json) Console.WriteLine(result.ToJson());
            return result.Errors.Count == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The --warmup questions, then (unless --no-settle) rounds of <see cref="SettleRound"/> until the JIT is nearly done:
    /// tiered compilation recompiles hot methods some time after their 30th call, so a short warm-up times a mix of
    /// unoptimized and instrumented code that a server running for more than a minute no longer has. Rounds of 100 (a
    /// tenth of a second or two) were too short to tell: the JIT holds a method's promotion back while other methods are
    /// still being compiled, so a quiet round of 100 was often followed by a timed run that compiled 2,000–7,000 methods
    /// (OSR and instrumented tier-0 code, then tier 1) and counted that compilation as the requests' CPU.
    /// </summary>
    private const int SettleRound = 1_000;
    private const int SettleSeconds = 90;

    private static async Task WarmUpAsync(AskOnce ask, IReadOnlyList<(string Question, string? Scope)> mix, LoadOptions options, TextWriter report)
    {
        using var deadline = new CancellationTokenSource(options.MaxDuration);
        var first = await LoadRun.RunAsync(ask, mix, options.Warmup, options.Concurrency, deadline.Token);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(SettleSeconds));
        var sent = first.Sent;
        var jit = first.Cost.JitMethods;
        while (options.Settle && !limit.IsCancellationRequested)
        {
            var round = await LoadRun.RunAsync(ask, mix, SettleRound, options.Concurrency, limit.Token);
            sent += round.Sent;
            jit += round.Cost.JitMethods;
            if (round.Cost.JitMethods < 20) break;
        }
        report.WriteLine($"Warm-up  {sent} questions, the JIT compiled {jit} methods{(limit.IsCancellationRequested ? $" (stopped at {SettleSeconds} s, still compiling)" : "")}");
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (true)
        {
            using var response = await client.GetAsync("/health", timeout.Token);
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(100, timeout.Token);
        }
    }
}
