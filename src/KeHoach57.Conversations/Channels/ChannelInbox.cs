using System.Threading.Channels;
using KeHoach57.Conversations.Storage;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Conversations.Channels;

public enum InboxOffer { Accepted, Duplicate, Full }

/// <summary>
/// Where a channel's incoming events wait for an answer, so a webhook can acknowledge at once and a slow
/// answer never holds the platform's request. Bounded channels, one per partition: events of one chat go to
/// the same partition and are answered in order, while different chats are answered in parallel.
/// Duplicate deliveries are dropped on the way in, by an <see cref="IDeliveryLog"/>: this process's memory, or the
/// database that replicas share, so an event retried to another replica is dropped there too.
/// </summary>
public sealed class ChannelInbox<T>
{
    private readonly Channel<T>[] _partitions;
    private readonly IDeliveryLog _deliveries;
    private readonly TimeSpan _window;

    /// <summary>An inbox that remembers delivery ids in memory.</summary>
    public ChannelInbox(ChannelOptions options, TimeProvider? clock = null)
        : this(options, new RecentDeliveries(options.DuplicateCapacity, options.DuplicateWindow, clock))
    {
    }

    public ChannelInbox(ChannelOptions options, IDeliveryLog deliveries)
    {
        var partitions = Math.Max(1, options.Workers);
        var capacity = Math.Max(1, options.QueueCapacity / partitions);
        _partitions = Enumerable.Range(0, partitions)
            .Select(_ => Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
            .ToArray();
        _deliveries = deliveries;
        _window = options.DuplicateWindow;
    }

    /// <param name="deliveryId">The platform's id for this event; a second offer with the same id is a duplicate.</param>
    /// <param name="chatKey">Events with the same key are answered one after another, in order.</param>
    public async ValueTask<InboxOffer> OfferAsync(string deliveryId, string chatKey, T item, CancellationToken cancellationToken = default)
    {
        if (!await _deliveries.TryMarkNewAsync(deliveryId, _window, cancellationToken)) return InboxOffer.Duplicate;
        if (Partition(chatKey).Writer.TryWrite(item)) return InboxOffer.Accepted;
        // Not cancellable: the id is already marked, and leaving it would turn the platform's retry into a "duplicate".
        await _deliveries.ForgetAsync(deliveryId, CancellationToken.None);
        return InboxOffer.Full;
    }

    /// <summary>Answers events until stopped: one loop per partition, each event under its own timeout.
    /// A failing event is logged and skipped; it never stops the loop.</summary>
    public Task RunAsync(Func<T, CancellationToken, Task> handle, TimeSpan timeout, ILogger logger, CancellationToken stoppingToken) =>
        Task.WhenAll(_partitions.Select(p => ConsumeAsync(p.Reader, handle, timeout, logger, stoppingToken)));

    private static async Task ConsumeAsync(ChannelReader<T> reader, Func<T, CancellationToken, Task> handle, TimeSpan timeout, ILogger logger, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(stoppingToken))
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                cts.CancelAfter(timeout);
                try
                {
                    await handle(item, cts.Token);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Could not answer an incoming {Item}", typeof(T).Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Channel<T> Partition(string chatKey) =>
        _partitions[(int)((uint)StringComparer.Ordinal.GetHashCode(chatKey) % (uint)_partitions.Length)];
}
