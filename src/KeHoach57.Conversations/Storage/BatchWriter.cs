using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Conversations.Storage;

/// <summary>
/// Takes writes off the request path: items wait in a bounded queue and one loop writes whatever has
/// gathered, up to <c>maxBatch</c> at a time, in one call (one transaction). A full queue makes the writer
/// wait for room rather than drop anything; <see cref="DrainAsync"/> (called on a clean stop) writes what is
/// left before returning. Each item's task completes when its batch is written, for callers whose reply
/// means "stored" (feedback); the others do not wait.
/// </summary>
public sealed class BatchWriter<T> : IAsyncDisposable, IDisposable
{
    private readonly Channel<Entry> _queue;
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _write;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Task _loop;
    private long _written;

    public BatchWriter(string name, Func<IReadOnlyList<T>, CancellationToken, Task> write, int capacity, int maxBatch, ILogger logger)
    {
        _name = name;
        _write = write;
        _maxBatch = Math.Max(1, maxBatch);
        _logger = logger;
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Items written since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues <paramref name="item"/>, waiting while the queue is full. The returned task completes when it is on disk.</summary>
    public async ValueTask<Task> EnqueueAsync(T item, CancellationToken cancellationToken = default)
    {
        var entry = new Entry(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(entry, cancellationToken);
        return entry.Written.Task;
    }

    /// <summary>Waits until everything queued before this call is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var marker = new Entry(default!, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), IsMarker: true);
        await _queue.Writer.WriteAsync(marker, cancellationToken);
        await marker.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking items and writes everything already queued.</summary>
    public Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    public ValueTask DisposeAsync() => new(DrainAsync());

    public void Dispose() => DrainAsync().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        var batch = new List<Entry>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var entry)) batch.Add(entry);
            var items = batch.Where(e => !e.IsMarker).Select(e => e.Item).ToList();
            Exception? failure = null;
            if (items.Count > 0)
            {
                try
                {
                    await _write(items, CancellationToken.None);
                    Interlocked.Add(ref _written, items.Count);
                }
                catch (Exception ex)
                {
                    // Logged and reported to whoever waits; the loop goes on so one bad batch cannot stop all writes.
                    failure = ex;
                    _logger.LogError(ex, "{Writer}: could not write a batch of {Count}", _name, items.Count);
                }
            }
            foreach (var entry in batch)
            {
                if (failure is null || entry.IsMarker) entry.Written.TrySetResult();
                else entry.Written.TrySetException(failure);
            }
        }
    }

    private sealed record Entry(T Item, TaskCompletionSource Written, bool IsMarker = false);
}
