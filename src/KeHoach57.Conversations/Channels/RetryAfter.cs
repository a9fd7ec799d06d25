namespace KeHoach57.Conversations.Channels;

/// <summary>Reads how long a platform asked us to wait before retrying, capped so one answer is never held for long.</summary>
public static class RetryAfter
{
    /// <summary>The standard Retry-After header (seconds or a date), or null when absent.</summary>
    public static TimeSpan? FromHeaders(HttpResponseMessage? response, TimeSpan max, TimeProvider? clock = null)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - (clock ?? TimeProvider.System).GetUtcNow() : null);
        return wait is { } w ? Clamp(w, max) : null;
    }

    public static TimeSpan Clamp(TimeSpan wait, TimeSpan max) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
}
