namespace KeHoach57.Conversations.Channels;

/// <summary>Settings every chat channel has; each channel binds them from its own section ("Telegram", "Zalo").</summary>
public class ChannelOptions
{
    /// <summary>Events waiting for an answer, across all chats; beyond it the webhook asks the platform to retry later.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Chats answered in parallel.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Messages one chat may send per <see cref="RateLimitWindowSeconds"/> before being asked to slow down (0: no limit).</summary>
    public int RateLimitMessages { get; set; } = 10;

    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>How long a delivery id is remembered for dropping redeliveries.</summary>
    public int DuplicateWindowMinutes { get; set; } = 360;

    public int DuplicateCapacity { get; set; } = 20_000;

    public TimeSpan DuplicateWindow => TimeSpan.FromMinutes(Math.Max(1, DuplicateWindowMinutes));

    /// <summary>Longest time spent answering one message before apologising.</summary>
    public int ReplyTimeoutSeconds { get; set; } = 120;

    public TimeSpan AnswerTimeout => TimeSpan.FromSeconds(Math.Max(1, ReplyTimeoutSeconds));

    /// <summary>The inbox's bound on one event, answer and sending (with retries) together, so a hung call cannot stall a chat's queue.</summary>
    public TimeSpan EventTimeout => AnswerTimeout + TimeSpan.FromSeconds(Math.Max(60, (RetryCount + 1) * (MaxRetryAfterSeconds + 15)));

    /// <summary>Retries of a failed call to the platform's API (429, 5xx, network), with exponential backoff.</summary>
    public int RetryCount { get; set; } = 4;

    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>A platform's "retry after" is honoured up to this long.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// The public address of this server's web pages (https://assistant.example.gov.vn). When set, every source of
    /// an answer links to its page, scrolled to the passage ("Xem văn bản gốc"); when empty, sources are named only.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><see cref="PublicBaseUrl"/> when it is an absolute http(s) address, else null.</summary>
    public Uri? Site => Uri.TryCreate(PublicBaseUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
        : null;

    /// <summary>The shared turn logic with this channel's limits.</summary>
    public ChatTurns CreateTurns(ConversationService conversations, ChannelStyle style, TimeProvider clock, Microsoft.Extensions.Logging.ILogger logger) =>
        new(conversations, style with { Site = Site }, new ChatRateLimiter(RateLimitMessages, TimeSpan.FromSeconds(Math.Max(1, RateLimitWindowSeconds)), clock), AnswerTimeout, logger);
}
