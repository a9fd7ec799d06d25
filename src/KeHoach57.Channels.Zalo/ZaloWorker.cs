using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Zalo;

/// <summary>Answers the Zalo messages in the inbox in the background, so the webhook acknowledges within Zalo's 2 seconds.</summary>
public sealed class ZaloWorker(ZaloInbox inbox, ZaloMessageHandler handler, IOptions<ZaloOptions> options, ILogger<ZaloWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await inbox.Queue.RunAsync(handler.HandleAsync, options.Value.EventTimeout, logger, stoppingToken);
    }
}
