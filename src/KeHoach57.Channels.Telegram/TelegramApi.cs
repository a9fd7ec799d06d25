using global::Telegram.Bot;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Telegram;

/// <summary>The bot as Telegram knows it: its id (to recognise replies to it) and @username (to recognise mentions).</summary>
public sealed record BotIdentity(long Id, string? Username);

/// <summary>Makes Bot API clients over the resilient "telegram" HttpClient, and remembers who the bot is.</summary>
public sealed class TelegramApi(IHttpClientFactory httpClients, IOptions<TelegramOptions> options, ILogger<TelegramApi> logger)
{
    public const string HttpClientName = "telegram";

    private BotIdentity? _identity;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.BotToken);

    /// <summary>A client per use is cheap and lets the HttpClient factory rotate handlers.</summary>
    public ITelegramBotClient CreateClient()
    {
        var o = options.Value;
        if (!IsConfigured) throw new InvalidOperationException("Telegram:BotToken is not set (environment variable Telegram__BotToken).");
        // Retries belong to the HttpClient's resilience pipeline; the library's own would retry twice over.
        var clientOptions = new TelegramBotClientOptions(o.BotToken!.Trim(), o.BaseUrl) { RetryCount = 0 };
        return new TelegramBotClient(clientOptions, httpClients.CreateClient(HttpClientName));
    }

    public async Task<BotIdentity> IdentityAsync(CancellationToken cancellationToken)
    {
        if (_identity is { } known) return known;
        var configured = options.Value.BotUsername?.Trim().TrimStart('@');
        try
        {
            var me = await CreateClient().GetMe(cancellationToken);
            return _identity = new BotIdentity(me.Id, me.Username ?? configured);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not cached: the next message tries again. Until then mentions of the configured name still work.
            logger.LogWarning(ex, "getMe failed; using the configured bot username {Username}", configured);
            return new BotIdentity(0, configured);
        }
    }
}
