namespace KeHoach57.Conversations.Storage;

/// <summary>
/// A named lease with an expiry, for work only one replica may do at a time (Telegram long polling: Telegram
/// answers two concurrent getUpdates with 409 Conflict). The holder renews it while working; when the holder
/// stops (or dies and the lease expires), another replica takes it.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Takes the lease for <paramref name="holder"/>, or renews it if <paramref name="holder"/> already has it,
    /// until <paramref name="duration"/> from now. False while another holder's lease has not expired.</summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, if <paramref name="holder"/> has it, so another replica need not wait for it to expire.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default);
}

/// <summary>Leases within one process (the SQLite provider: one server, nothing to share them with).</summary>
public sealed class InMemoryLeaseStore(TimeProvider? clock = null) : ILeaseStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, (string Holder, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Holder != holder && lease.Until > now) return Task.FromResult(false);
            _leases[name] = (holder, now + duration);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Holder == holder) _leases.Remove(name);
        }
        return Task.CompletedTask;
    }
}
