using KeHoach57.Conversations.Channels;
using KeHoach57.Conversations.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;

namespace KeHoach57.Channels.Telegram;

/// <summary>
/// Long polling (Mode "polling"): asks Telegram for updates and puts them in the same inbox the webhook
/// fills, so a bot runs on a laptop with no public URL. Does nothing in other modes.
/// <para>Only the holder of the polling lease polls (<see cref="ILeaseStore"/>: in memory for one server, in
/// PostgreSQL for replicas). The holder renews it before each getUpdates; the others try to take it now and then
/// and take over when the holder releases it on stopping or its lease expires. A new holder starts without an
/// offset: updates the previous holder fetched but had not confirmed come again and are dropped by the shared
/// delivery log if already taken.</para>
/// </summary>
public sealed class TelegramPolling(TelegramInbox inbox, TelegramApi api, ILeaseStore leases, IOptions<TelegramOptions> options,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private volatile bool _holdsLease;

    /// <summary>Whether this process is the one polling now.</summary>
    public bool HoldsLease => _holdsLease;

    /// <summary>The lease's name: one per bot (the token's numeric bot id, not its secret part).</summary>
    public static string LeaseName(string botToken) => "telegram-polling:" + botToken.Trim().Split(':')[0];

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
        if (o.PollingLeaseSeconds <= o.PollingTimeoutSeconds)
        {
            logger.LogError("Telegram polling not started: Telegram:PollingLeaseSeconds ({Lease}) must be longer than Telegram:PollingTimeoutSeconds ({Timeout})",
                o.PollingLeaseSeconds, o.PollingTimeoutSeconds);
            return;
        }
        var lease = LeaseName(o.BotToken!);
        var leaseDuration = TimeSpan.FromSeconds(o.PollingLeaseSeconds);
        var leaseRetry = TimeSpan.FromSeconds(Math.Clamp(o.PollingLeaseSeconds / 4.0, 0.2, 10));
        try
        {
            await PollAsync(lease, leaseDuration, leaseRetry, o, stoppingToken);
        }
        finally
        {
            if (_holdsLease)
            {
                _holdsLease = false;
                // On a clean stop the next replica need not wait for the lease to expire.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await TryAsync(() => leases.ReleaseAsync(lease, _holder, timeout.Token), "releasing the polling lease");
            }
        }
    }

    private async Task PollAsync(string lease, TimeSpan leaseDuration, TimeSpan leaseRetry, TelegramOptions o, CancellationToken stoppingToken)
    {
        var client = api.CreateClient();
        int? offset = null;
        var backoff = TimeSpan.FromSeconds(1);
        var waitingLogged = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await leases.TryAcquireAsync(lease, _holder, leaseDuration, stoppingToken))
                {
                    if (_holdsLease) logger.LogWarning("Telegram polling lease lost to another replica; this one stops polling");
                    else if (!waitingLogged) logger.LogInformation("Another replica holds the Telegram polling lease; waiting to take over");
                    waitingLogged = true;
                    _holdsLease = false;
                    offset = null;
                    await Task.Delay(leaseRetry, stoppingToken);
                    continue;
                }
                if (!_holdsLease)
                {
                    _holdsLease = true;
                    waitingLogged = false;
                    offset = null;
                    // getUpdates is refused while a webhook is set; polling mode means this bot is not served by webhook.
                    await TryAsync(() => client.DeleteWebhook(cancellationToken: stoppingToken), "deleteWebhook");
                    logger.LogInformation("Telegram long polling started");
                }

                var updates = await client.GetUpdates(offset, 100, o.PollingTimeoutSeconds, TelegramWorker.Wanted, stoppingToken);
                foreach (var update in updates)
                {
                    while (await inbox.OfferAsync(update, stoppingToken) == InboxOffer.Full) await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
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
                logger.LogWarning(ex, "Telegram polling failed; retrying in {Delay}", backoff);
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
