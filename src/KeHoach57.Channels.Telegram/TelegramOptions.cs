using KeHoach57.Conversations.Channels;

namespace KeHoach57.Channels.Telegram;

public enum TelegramMode { Off, Webhook, Polling }

/// <summary>Section "Telegram". The token and webhook secret come from the environment or user secrets
/// (Telegram__BotToken, Telegram__WebhookSecret), never from files in the repository.</summary>
public sealed class TelegramOptions : ChannelOptions
{
    public const string Section = "Telegram";

    /// <summary>Telegram's limit for one message's text.</summary>
    public const int MessageLimit = 4096;

    /// <summary>"webhook" (the server receives POST /telegram/webhook), "polling" (no public URL needed) or "off".</summary>
    public string Mode { get; set; } = "off";

    public string? BotToken { get; set; }

    /// <summary>The secret_token given to setWebhook; Telegram sends it back in X-Telegram-Bot-Api-Secret-Token.
    /// 1–256 characters of A–Z, a–z, 0–9, _ and -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The Bot API server; tests point it at a local fake.</summary>
    public string BaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>When set in webhook mode, the public https URL of /telegram/webhook to register at start.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The bot's @username, used when getMe cannot be reached; normally read from getMe.</summary>
    public string? BotUsername { get; set; }

    /// <summary>How long one getUpdates call waits for updates in polling mode.</summary>
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>
    /// Polling mode with replicas: only the holder of the polling lease calls getUpdates (Telegram refuses two at once
    /// with 409 Conflict). It renews the lease before each call; when it stops, or dies and this many seconds pass,
    /// another replica takes over. Longer than <see cref="PollingTimeoutSeconds"/>, so a call ends within its lease.
    /// </summary>
    public int PollingLeaseSeconds { get; set; } = 60;

    public TelegramMode ModeKind => Mode?.Trim().ToLowerInvariant() switch
    {
        "webhook" => TelegramMode.Webhook,
        "polling" => TelegramMode.Polling,
        _ => TelegramMode.Off,
    };
}
