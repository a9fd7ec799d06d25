using System.Diagnostics;
using KeHoach57.Answering;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Understanding;
using KeHoach57.Benchmarks.Scale;
using KeHoach57.Core;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Query;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Benchmarks;

/// <summary>
/// `startup [corpus-folder] [data-folder]`: where a cold start's time goes, from process start to the first answer.
/// Resolves the services the first answer needs one at a time, in the order they would be built anyway, each
/// under its own stopwatch. Run it twice: the first run builds the index, the second shows a start from it.
/// </summary>
public static class StartupRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var corpusPath = args.Length > 0 ? args[0] : RepositoryPaths.Resolve("corpus");
        var data = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "kh57-startup");
        var stages = new List<(string, double)> { ("runtime start until Main", (DateTime.UtcNow - started).TotalMilliseconds) };
        var clock = Stopwatch.StartNew();
        void Lap(string stage) { stages.Add((stage, clock.Elapsed.TotalMilliseconds)); clock.Restart(); }

        await using var services = ScaleServices.Create(corpusPath, data);
        Lap("configuration and DI");
        var corpus = services.GetRequiredService<Corpus>();
        Lap($"corpus load ({corpus.Documents.Count} plans, {corpus.Chunks.Count()} chunks)");
        var rebuilt = await services.GetRequiredService<CorpusIndexer>().EnsureFreshAsync(corpus);
        Lap(rebuilt ? "index: built (none fresh)" : "index: opened");
        services.GetRequiredService<Vocabulary>();
        Lap("vocabulary");
        services.GetRequiredService<QuestionReader>();
        Lap("question reader (cues, places, units)");
        var clean = corpus.Documents.Count(d => Core.Text.DiacriticRestorer.IsClean(d.Markdown));
        Lap($"of which: which plans are clean Unicode ({clean}), as answer text asks");
        services.GetRequiredService<AnswerText>();
        Lap("answer text (that again, then the diacritic restorer learns the clean plans)");
        var assistant = services.GetRequiredService<Assistant>();
        Lap("rest of the pipeline");
        await assistant.AskAsync(new AskRequest("Hạn báo cáo 6 tháng là ngày nào?"));
        Lap("first answer (JIT of the answer path)");
        await assistant.AskAsync(new AskRequest("Phòng nào chủ trì theo dõi chỉ số DTI?"));
        Lap("second answer");

        foreach (var (stage, ms) in stages) Console.WriteLine($"{ms,9:F1} ms  {stage}");
        Console.WriteLine($"{(DateTime.UtcNow - started).TotalMilliseconds,9:F1} ms  total from process start");
        return 0;
    }
}
