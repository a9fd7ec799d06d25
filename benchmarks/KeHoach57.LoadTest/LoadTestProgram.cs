using KeHoach57.Answering;
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

            var corpus = server.Services.GetRequiredService<Assistant>().Corpus;
            var mix = Questions.Mix(corpus.Documents.Select(d => d.Info.Id).ToList());
            report.WriteLine($"Server   {baseAddress} ({Environment.ProcessorCount} cores; server and load share this process)");
            report.WriteLine($"Corpus   {corpus.Documents.Count} documents, {corpus.Chunks.Count()} chunks — {corpusSource}");
            report.WriteLine($"Load     {options.Requests} × POST /api/ask, concurrency {options.Concurrency}, " +
                $"{mix.Count} questions in the mix, {options.Warmup} warm-up, at most {options.MaxDuration.TotalSeconds:0} s" +
                (options.CacheOff ? ", answer cache off" : ""));

            using var deadline = new CancellationTokenSource(options.MaxDuration);
            await LoadRun.RunAsync(client, mix, options.Warmup, options.Concurrency, deadline.Token);
            if (options.SampleEvery > 0) return await Soak.RunAsync(client, mix, options, server.DataPath, deadline.Token) ? 0 : 1;
            var result = await LoadRun.RunAsync(client, mix, options.Requests, options.Concurrency, deadline.Token);
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
