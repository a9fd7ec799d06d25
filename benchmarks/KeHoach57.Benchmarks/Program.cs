using BenchmarkDotNet.Running;
using KeHoach57.Benchmarks;
using KeHoach57.Benchmarks.Scale;

// `latency [questions.jsonl] [rounds]` prints p50/p95 per question after warm-up, on the real corpus;
// `steps [questions.jsonl] [rounds]` splits that time by pipeline step; `startup` splits a cold start by stage;
// `scale --chunks N[,N…] [--json]` measures synthetic corpora of those sizes (scale-measure is its child process);
// anything else goes to BenchmarkDotNet (e.g. `--filter *Ask*`).
return args.FirstOrDefault() switch
{
    "latency" => await LatencyRun.RunAsync(args[1..]),
    "steps" => await StepsRun.RunAsync(args[1..]),
    "startup" => await StartupRun.RunAsync(args[1..]),
    "scale" => await ScaleRun.RunAsync(args[1..]),
    "scale-measure" => await ScaleMeasure.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(AskBenchmarks).Assembly).Run(args);
    return 0;
}
