using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Hosting;
using KeHoach57.Ingestion;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Query;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Benchmarks.Scale;

/// <summary>
/// `scale --chunks N[,N…] [--json] [--questions Q] [--rounds R] [--keep DIR]`: for each size, generates a synthetic
/// corpus from the repository's plans, starts on it from nothing (timed, in this process: parse, analyze, index and
/// everything a first start keeps in the data folder), then measures a second start in a fresh process
/// answering from it: cold first answer, p50/p95 after warm-up, resident memory, accuracy on the planted facts,
/// and first-stage search against SQLite FTS5 and a naive scan on the same corpus and queries. One line per size.
/// </summary>
public static class ScaleRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new List<int>();
        var json = false;
        var questions = 150;
        var rounds = 3;
        string? keep = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--chunks": sizes.AddRange(Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))); break;
                case "--json": json = true; break;
                case "--questions": questions = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--keep": keep = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (sizes.Count == 0) sizes.AddRange([1_000, 10_000]);

        var seeds = RepositoryPaths.Resolve("corpus");
        var generator = new SyntheticCorpus(seeds);
        var seedChunks = SeedChunks(seeds);
        foreach (var size in sizes)
        {
            var folder = keep is null ? Directory.CreateTempSubdirectory("kh57-scale-").FullName : Path.Combine(Path.GetFullPath(keep), size.ToString(CultureInfo.InvariantCulture));
            try
            {
                var planted = generator.Write(Path.Combine(folder, "corpus"), size, seedChunks, questions);
                await File.WriteAllLinesAsync(Path.Combine(folder, "questions.jsonl"), planted.Select(q => JsonSerializer.Serialize(q, ScaleJson.Options)));
                var line = await BuildAsync(folder);
                GC.Collect();
                var measured = Measure(folder, rounds);
                foreach (var (key, value) in measured) line[key] = value?.DeepClone();
                Console.WriteLine(json ? line.ToJsonString() : Describe(line));
            }
            finally
            {
                if (keep is null) try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
        return 0;
    }

    /// <summary>Chunks per seed plan, so a size in chunks turns into a number of plans.</summary>
    private static Dictionary<string, int> SeedChunks(string seeds)
    {
        using var services = ScaleServices.Create(seeds, Path.Combine(Path.GetTempPath(), "kh57-scale-seeds"));
        return services.GetRequiredService<CorpusLoader>().Load().Documents.ToDictionary(d => d.Info.Id, d => d.Chunks.Count);
    }

    /// <summary>The first start on the generated corpus, from nothing to ready: parse, analyze, index, keep what it keeps.</summary>
    private static async Task<JsonObject> BuildAsync(string folder)
    {
        var data = Path.Combine(folder, "data");
        var clock = Stopwatch.StartNew();
        int chunks, plans;
        await using (var services = ScaleServices.Create(Path.Combine(folder, "corpus"), data))
        {
            var corpus = (await services.PrepareAssistantAsync()).Corpus;
            chunks = corpus.Chunks.Count();
            plans = corpus.Documents.Count;
        }
        var built = clock.Elapsed.TotalSeconds;
        long Bytes(string name) => File.Exists(Path.Combine(data, name)) ? new FileInfo(Path.Combine(data, name)).Length : 0;
        return new JsonObject
        {
            ["chunks"] = chunks,
            ["plans"] = plans,
            ["build_s"] = Math.Round(built, 2),
            // The index proper (postings, chunks, and the vocabulary the query side maps); the data folder also keeps the
            // parsed corpus and the hosts' corpus snapshot.
            ["index_bytes"] = Bytes("embedded-index.bin") + Bytes(Vocabulary.FileName),
            ["data_folder_bytes"] = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length),
        };
    }

    /// <summary>Runs <see cref="ScaleMeasure"/> in a new process, so its start is cold and its memory its own.</summary>
    private static JsonObject Measure(string folder, int rounds)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(ScaleRun).Assembly.Location);
        foreach (var a in new[] { "scale-measure", folder, rounds.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || last is null)
            throw new InvalidOperationException($"scale-measure exited {process.ExitCode}: {output}");
        return JsonNode.Parse(last)!.AsObject();
    }

    private static string Describe(JsonObject line) =>
        string.Join("  ", line.Select(p => $"{p.Key}={p.Value?.ToJsonString()}"));
}

internal static class ScaleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>The product's own wiring over a given corpus and data folder, cache off and logs quiet.</summary>
internal static class ScaleServices
{
    public static ServiceProvider Create(string corpus, string data)
    {
        var configuration = new ConfigurationBuilder()
            .AddAssistantConfiguration()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Path"] = corpus,
                ["Index:DataPath"] = data,
                ["Answering:CacheSize"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddAssistant(configuration)
            .BuildServiceProvider();
    }
}
