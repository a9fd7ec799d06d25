using System.Diagnostics;
using KeHoach57.Hosting.Lifecycle;

namespace KeHoach57.Server.Health;

/// <summary>
/// Starts the first corpus load once Kestrel is listening, so a slow or broken corpus/ never keeps the port
/// closed: meanwhile /health says "loading", and afterwards what the holder says.
/// </summary>
public sealed class AssistantWarmup(AssistantHolder holder, ILogger<AssistantWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        try
        {
            await holder.EnsureStartedAsync(stoppingToken);
            var status = holder.Status;
            logger.LogInformation("Assistant {State}: {Documents} documents, {Chunks} chunks in {ElapsedMs} ms",
                status.State, status.Documents, status.Chunks, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
