using System.Globalization;

namespace KeHoach57.LoadTest;

/// <summary>Command line of the load tool. Every run is bounded in requests and in time.</summary>
public sealed record LoadOptions(int Requests, int Concurrency, int Warmup, TimeSpan MaxDuration, string? CorpusPath,
    bool CacheOff = false, int SampleEvery = 0, bool Json = false, bool Direct = false, bool Settle = true)
{
    public static readonly LoadOptions Default = new(5_000, 16, 200, TimeSpan.FromSeconds(120), null);

    public const string Usage = """
        KeHoach57.LoadTest — loads POST /api/ask on an in-process server at 127.0.0.1 and reports throughput and latency.

          --requests N       questions to send (default 5000, at most 1000000)
          --concurrency N    requests in flight (default 16, at most 512)
          --warmup N         untimed questions first (default 200); then more, 1000 at a time, until a round of 1000 has
                             the JIT compile fewer than 20 methods (at most 90 s), so the timed run measures steady-state code
          --no-settle        only the --warmup questions, however busy the JIT still is
          --max-seconds N    stop after this long whatever is left (default 120, at most 3600)
          --corpus PATH      folder of <id>.md plans (default: corpus/ of the checkout, else its corpus/raw/*.txt)
          --cache-off        answer every question afresh (Answering:CacheSize = 0)
          --sample-every N   soak: after every N requests print requests/s, p95, process memory and the size of
                             conversations.db (default 0: no samples)
          --direct           ask the answering core in-process (Assistant.AskAsync, no HTTP, no conversation store) with
                             the same mix and concurrency: what answering alone costs, to compare with the HTTP path
          --json             print only one JSON line {"req_per_s", "p50_ms", "p95_ms", "errors"} (the rest goes to stderr)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = Default;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--requests" => options with { Requests = Int(Next(), 1, 1_000_000) },
                "--concurrency" => options with { Concurrency = Int(Next(), 1, 512) },
                "--warmup" => options with { Warmup = Int(Next(), 0, 100_000) },
                "--max-seconds" => options with { MaxDuration = TimeSpan.FromSeconds(Int(Next(), 1, 3_600)) },
                "--corpus" => options with { CorpusPath = Next() },
                "--cache-off" => options with { CacheOff = true },
                "--sample-every" => options with { SampleEvery = Int(Next(), 0, 1_000_000) },
                "--json" => options with { Json = true },
                "--direct" => options with { Direct = true },
                "--no-settle" => options with { Settle = false },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    private static int Int(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"expected a whole number from {min} to {max}, got \"{value}\"");
}
