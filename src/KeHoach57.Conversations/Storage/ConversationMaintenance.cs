using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Conversations.Storage;

/// <summary>Prunes the conversation store in the background: idle past the TTL, then the oldest beyond the cap.</summary>
public sealed class ConversationMaintenance(IConversationStore store, IOptions<ConversationOptions> options, TimeProvider clock,
    ILogger<ConversationMaintenance> logger) : BackgroundService
{
    public Task<int> PruneOnceAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        return store.PruneAsync(clock.GetUtcNow() - o.Ttl, o.MaxConversations, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PruneIntervalMinutes), clock);
        do
        {
            try
            {
                var removed = await PruneOnceAsync(stoppingToken);
                if (removed > 0) logger.LogInformation("Pruned {Removed} conversations", removed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not prune conversations; trying again at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }
}
