using BenchmarkDotNet.Running;
using KeHoach57.Benchmarks;

// `latency [questions.jsonl] [rounds]` prints p50/p95 per question after warm-up, on the real corpus;
// anything else goes to BenchmarkDotNet (e.g. `--filter *Ask*`).
if (args.Length > 0 && args[0] == "latency")
    return await LatencyRun.RunAsync(args.Skip(1).ToArray());
BenchmarkSwitcher.FromAssembly(typeof(AskBenchmarks).Assembly).Run(args);
return 0;
