using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;

namespace KeHoach57.Channels.Telegram;

/// <summary>
/// Long polling (Mode "polling"): asks Telegram for updates and puts them in the same inbox the webhook
/// fills, so a bot runs on a laptop with no public URL. Does nothing in other modes.
/// </summary>
public sealed class TelegramPolling(TelegramInbox inbox, TelegramApi api, IOptions<TelegramOptions> options, ILogger<TelegramPolling> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        if (o.ModeKind != TelegramMode.Polling) return;
        if (!api.IsConfigured)
        {
            logger.LogError("Telegram polling not started: Telegram__BotToken is not set");
            return;
        }
        var client = api.CreateClient();
        // getUpdates is refused while a webhook is set; polling mode means this bot is not served by webhook.
        await TryAsync(() => client.DeleteWebhook(cancellationToken: stoppingToken), "deleteWebhook");
        logger.LogInformation("Telegram long polling started");

        int? offset = null;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await client.GetUpdates(offset, 100, o.PollingTimeoutSeconds, TelegramWorker.Wanted, stoppingToken);
                foreach (var update in updates)
                {
                    while (inbox.Offer(update) == InboxOffer.Full) await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                    offset = update.Id + 1;
                }
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "getUpdates failed; retrying in {Delay}", backoff);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private async Task TryAsync(Func<Task> call, string what)
    {
        try { await call(); }
        catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "{Call} failed", what); }
    }
}
