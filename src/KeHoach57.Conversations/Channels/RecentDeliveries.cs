namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Remembers recently seen delivery ids (Telegram update_id, Zalo msg_id) so a platform's redelivery of the
/// same event is answered once. Bounded both ways: entries expire after <c>ttl</c>, and the oldest are
/// forgotten beyond <c>capacity</c>. In memory: redeliveries come within minutes, not across restarts.
/// </summary>
public sealed class RecentDeliveries(int capacity, TimeSpan ttl, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time an id is seen (within the ttl); false for a duplicate.</summary>
    public bool TryMarkNew(string id)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            if (_seen.ContainsKey(id)) return false;
            _seen[id] = now;
            _order.Enqueue((id, now));
            return true;
        }
    }

    /// <summary>Forgets an id whose event could not be taken in, so the platform's retry is not mistaken for a duplicate.</summary>
    public void Forget(string id)
    {
        lock (_gate) _seen.Remove(id);
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count > capacity || now - _order.Peek().At >= ttl))
        {
            var (id, at) = _order.Dequeue();
            // A forgotten-then-seen-again id has a newer entry; only drop the entry this queue slot stands for.
            if (_seen.TryGetValue(id, out var seenAt) && seenAt == at) _seen.Remove(id);
        }
    }
}
