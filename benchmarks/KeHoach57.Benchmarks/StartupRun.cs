using System.Diagnostics;
using System.Runtime;
using KeHoach57.Answering;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Understanding;
using KeHoach57.Benchmarks.Scale;
using KeHoach57.Core;
using KeHoach57.Core.Answers;
using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Ingestion;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Benchmarks;

/// <summary>
/// `startup [corpus-folder] [data-folder]`: where a cold start's time goes, from process start to the first answer.
/// Does what the assistant holder's first load does, one stage at a time under a stopwatch: load the corpus, make the
/// index match it, build the answering stack and resolve its parts in the order a first answer needs them, keep the
/// corpus snapshot; then the first two answers. Run it twice: the first run builds, the second starts from what it kept.
/// </summary>
public static class StartupRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var corpusPath = args.Length > 0 ? args[0] : RepositoryPaths.Resolve("corpus");
        var data = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "kh57-startup");
        using var process = Process.GetCurrentProcess();
        var stages = new List<(string, double, double, double, long)>
        {
            ("runtime start until Main", (DateTime.UtcNow - started).TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds,
                JitInfo.GetCompilationTime().TotalMilliseconds, JitInfo.GetCompiledMethodCount()),
        };
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var jit = JitInfo.GetCompilationTime();
        var jitted = JitInfo.GetCompiledMethodCount();
        // Wall time, and the process's CPU time (all threads: JIT and GC included), which other work on the machine does not inflate;
        // the JIT's share of it (time in the compiler, methods compiled) tells compiling from running.
        void Lap(string stage)
        {
            process.Refresh();
            stages.Add((stage, clock.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds,
                (JitInfo.GetCompilationTime() - jit).TotalMilliseconds, JitInfo.GetCompiledMethodCount() - jitted));
            cpu = process.TotalProcessorTime;
            jit = JitInfo.GetCompilationTime();
            jitted = JitInfo.GetCompiledMethodCount();
            clock.Restart();
        }

        await using var host = ScaleServices.Create(corpusPath, data);
        Lap("configuration and DI");
        var corpus = host.GetRequiredService<CorpusLoader>().Load();
        Lap($"corpus load ({corpus.Documents.Count} plans, {corpus.Chunks.Count()} chunks)");
        var rebuilt = await host.GetRequiredService<CorpusIndexer>().EnsureFreshAsync(corpus);
        Lap(rebuilt ? "index: built (none fresh)" : "index: opened");
        await using var stack = host.GetRequiredService<AnsweringStackBlueprint>().Build(corpus, host);
        Lap("answering stack: child provider");
        stack.GetRequiredService<Vocabulary>();
        Lap("vocabulary");
        stack.GetRequiredService<QuestionReader>();
        Lap("question reader (cues, places, units)");
        stack.GetRequiredService<AnswerText>().KeepReadings();
        Lap("answer text; clause readings (read, or worked out and kept)");
        var assistant = stack.GetRequiredService<Assistant>();
        Lap("rest of the stack");
        var snapshot = new CorpusSnapshot(Path.Combine(RepositoryPaths.Resolve(host.GetRequiredService<IOptions<IndexOptions>>().Value.DataPath), CorpusSnapshot.FileName), NullLogger.Instance);
        if (await snapshot.FingerprintAsync(CancellationToken.None) != corpus.Fingerprint) await snapshot.SaveAsync(corpus, CancellationToken.None);
        Lap("corpus snapshot: read its fingerprint (and write it when it differs)");
        await assistant.AskAsync(new AskRequest("Hạn báo cáo 6 tháng là ngày nào?"));
        Lap("first answer (JIT of the answer path)");
        await assistant.AskAsync(new AskRequest("Phòng nào chủ trì theo dõi chỉ số DTI?"));
        Lap("second answer");

        Console.WriteLine($"{"wall ms",9} {"CPU ms",9} {"JIT ms",8} {"methods",8}  stage ({Environment.ProcessorCount} cores)");
        foreach (var (stage, ms, cpuMs, jitMs, methods) in stages) Console.WriteLine($"{ms,9:F1} {cpuMs,9:F0} {jitMs,8:F0} {methods,8}  {stage}");
        process.Refresh();
        Console.WriteLine($"{(DateTime.UtcNow - started).TotalMilliseconds,9:F1} {process.TotalProcessorTime.TotalMilliseconds,9:F0} {JitInfo.GetCompilationTime().TotalMilliseconds,8:F0} {JitInfo.GetCompiledMethodCount(),8}  total from process start");
        return 0;
    }
}
