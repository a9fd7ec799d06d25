using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Conversations.Storage;

/// <summary>
/// Write-behind in front of a durable store: a turn's new state is remembered at once and written by a
/// <see cref="BatchWriter{T}"/> in batches, so answering never waits on the database. Reads see the
/// newest state, written or not, so a follow-up right after an answer still finds it. A clean stop drains the
/// queue; a crash loses at most the states still queued (never a written one: each batch is one transaction).
/// With <c>waitForWrite</c> (replicas sharing the store) a save returns once its batch is stored, so another
/// replica reads it at once; saves made meanwhile still go out together in the next batch.
/// </summary>
public sealed class ConversationWriter : IConversationStore, IAsyncDisposable, IDisposable
{
    private readonly IConversationStore _durable;
    private readonly ConcurrentDictionary<string, ConversationState> _pending = new(StringComparer.Ordinal);
    private readonly BatchWriter<ConversationState> _writer;
    private readonly ConversationOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly bool _waitForWrite;
    private long _writtenSincePrune;

    public ConversationWriter(IConversationStore durable, ConversationOptions options, ILogger<ConversationWriter> logger, TimeProvider? clock = null,
        bool waitForWrite = false)
    {
        _durable = durable;
        _waitForWrite = waitForWrite;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _logger = logger;
        _writer = new BatchWriter<ConversationState>("conversation writer", WriteAsync, options.WriteQueueCapacity, options.WriteBatchSize, logger);
    }

    public IConversationStore Durable => _durable;

    public long Written => _writer.Written;

    public async Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        _pending.TryGetValue(id, out var state) ? state : await _durable.FindAsync(id, cancellationToken);

    public async Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default)
    {
        _pending[state.Id] = state;
        var written = await _writer.EnqueueAsync(state, cancellationToken);
        if (!_waitForWrite) return;
        try
        {
            await written;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already logged by the batch writer. The answer still goes out; only a follow-up elsewhere may start afresh.
        }
    }

    public Task<int> PruneAsync(DateTimeOffset updatedBefore, int maxConversations, CancellationToken cancellationToken = default) =>
        _durable.PruneAsync(updatedBefore, maxConversations, cancellationToken);

    /// <summary>Waits until every state saved before the call is in the durable store.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();

    private async Task WriteAsync(IReadOnlyList<ConversationState> states, CancellationToken cancellationToken)
    {
        // Several turns of one chat in a batch: only the newest needs writing.
        var newest = states.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        try
        {
            await _durable.SaveManyAsync(newest, cancellationToken);
        }
        finally
        {
            // Only if no newer turn came in meanwhile; on a failed write (logged by the batch writer) the state is
            // let go too, so a database that stays down cannot make this map grow without bound.
            foreach (var state in newest) _pending.TryRemove(KeyValuePair.Create(state.Id, state));
        }
        // Between the timed prunes a busy server could write far past the cap, and the file would keep those
        // pages: once a tenth of the cap has been written, the writer prunes right away (still off the request path).
        _writtenSincePrune += newest.Count;
        if (_writtenSincePrune < Math.Max(100, _options.MaxConversations / 10)) return;
        _writtenSincePrune = 0;
        try
        {
            await _durable.PruneAsync(_clock.GetUtcNow() - _options.Ttl, _options.MaxConversations, cancellationToken);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not prune conversations after writing; the timed prune will try again");
        }
    }
}
