using System.Diagnostics;
using KeHoach57.Hosting;

namespace KeHoach57.Server.Health;

/// <summary>
/// Loads the corpus and index once, in the background, so Kestrel starts listening at once and /health
/// can report "starting" to the orchestrator instead of the process looking hung.
/// </summary>
public sealed class AssistantWarmup(IServiceProvider services, AssistantReadiness readiness, ILogger<AssistantWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the corpus load is synchronous; keep it off the host's start path
        var clock = Stopwatch.StartNew();
        try
        {
            var assistant = await services.PrepareAssistantAsync(stoppingToken);
            var corpus = assistant.Corpus;
            readiness.MarkReady(corpus.Documents.Count, corpus.Documents.Sum(d => d.Chunks.Count));
            logger.LogInformation("Assistant ready: {Documents} documents, {Chunks} chunks in {ElapsedMs} ms",
                readiness.Current.Documents, readiness.Current.Chunks, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Stay up and say so on /health: a crash loop would hide the reason from whoever looks.
            logger.LogCritical(ex, "Assistant failed to load the corpus or index");
            readiness.MarkFailed();
        }
    }
}
