namespace KeHoach57.Conversations.Channels;

public enum RateDecision
{
    Allowed,
    /// <summary>Over the limit for the first time in this burst: say so, once.</summary>
    LimitedNotify,
    /// <summary>Still over the limit and already told: say nothing.</summary>
    LimitedSilent,
}

/// <summary>
/// A token bucket per chat: <c>messages</c> per <c>window</c>, refilled continuously. One person flooding the
/// bot is told once and then ignored until the bucket refills; other chats are unaffected.
/// </summary>
public sealed class ChatRateLimiter(int messages, TimeSpan window, TimeProvider? clock = null)
{
    private const int PruneAbove = 10_000;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RateDecision Check(string chatId)
    {
        if (messages <= 0) return RateDecision.Allowed;
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_buckets.Count > PruneAbove) Prune(now);
            if (!_buckets.TryGetValue(chatId, out var bucket)) bucket = new Bucket(messages, now, false);
            var tokens = Math.Min(messages, bucket.Tokens + (now - bucket.Seen).TotalSeconds * messages / window.TotalSeconds);
            if (tokens >= 1)
            {
                _buckets[chatId] = new Bucket(tokens - 1, now, false);
                return RateDecision.Allowed;
            }
            _buckets[chatId] = new Bucket(tokens, now, true);
            return bucket.Told ? RateDecision.LimitedSilent : RateDecision.LimitedNotify;
        }
    }

    // Chats idle for a whole window are back to a full bucket: forgetting them changes nothing.
    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _buckets.Where(b => now - b.Value.Seen >= window).Select(b => b.Key).ToList())
            _buckets.Remove(key);
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset Seen, bool Told);
}
