using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;

namespace KeHoach57.Channels.Telegram;

/// <summary>Answers the updates in the inbox in the background; in webhook mode with a WebhookUrl, registers it first.</summary>
public sealed class TelegramWorker(TelegramInbox inbox, TelegramUpdateHandler handler, TelegramApi api, IOptions<TelegramOptions> options, ILogger<TelegramWorker> logger)
    : BackgroundService
{
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        if (o.ModeKind == TelegramMode.Webhook && !string.IsNullOrWhiteSpace(o.WebhookUrl)) await RegisterWebhookAsync(o, stoppingToken);
        await inbox.Queue.RunAsync(handler.HandleAsync, o.EventTimeout, logger, stoppingToken);
    }

    private async Task RegisterWebhookAsync(TelegramOptions o, CancellationToken stoppingToken)
    {
        if (!api.IsConfigured || string.IsNullOrEmpty(o.WebhookSecret))
        {
            logger.LogError("Telegram webhook not registered: Telegram__BotToken and Telegram__WebhookSecret must both be set");
            return;
        }
        try
        {
            await api.CreateClient().SetWebhook(o.WebhookUrl!, allowedUpdates: Wanted, secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
            logger.LogInformation("Telegram webhook registered at {Url}", o.WebhookUrl);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not register the Telegram webhook at {Url}", o.WebhookUrl);
        }
    }
}
