using KeHoach57.Conversations.Storage;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Remembers recently seen delivery ids (Telegram update_id, Zalo msg_id) so a platform's redelivery of the
/// same event is answered once. Bounded both ways: entries expire after their window, and the oldest are
/// forgotten beyond <c>capacity</c>. In memory, for one server: redeliveries come within minutes, not across
/// restarts. Replicas share theirs in PostgreSQL instead (<see cref="Storage.Postgres.PostgresDeliveryLog"/>).
/// </summary>
public sealed class RecentDeliveries(int capacity, TimeSpan ttl, TimeProvider? clock = null) : IDeliveryLog
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, DateTimeOffset> _seenUntil = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Until)> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time an id is seen (within the ttl); false for a duplicate.</summary>
    public bool TryMarkNew(string id) => TryMarkNew(id, ttl);

    public bool TryMarkNew(string id, TimeSpan window)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            if (_seenUntil.TryGetValue(id, out var until) && until > now) return false;
            _seenUntil[id] = now + window;
            _order.Enqueue((id, now + window));
            return true;
        }
    }

    /// <summary>Forgets an id whose event could not be taken in, so the platform's retry is not mistaken for a duplicate.</summary>
    public void Forget(string id)
    {
        lock (_gate) _seenUntil.Remove(id);
    }

    ValueTask<bool> IDeliveryLog.TryMarkNewAsync(string deliveryId, TimeSpan window, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryMarkNew(deliveryId, window));

    ValueTask IDeliveryLog.ForgetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        Forget(deliveryId);
        return ValueTask.CompletedTask;
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count > capacity || now >= _order.Peek().Until))
        {
            var (id, until) = _order.Dequeue();
            // A forgotten-then-seen-again id has a newer entry; only drop the entry this queue slot stands for.
            if (_seenUntil.TryGetValue(id, out var seenUntil) && seenUntil == until) _seenUntil.Remove(id);
        }
    }
}
