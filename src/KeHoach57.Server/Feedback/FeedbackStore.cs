using KeHoach57.Conversations.Storage;

namespace KeHoach57.Server.Feedback;

/// <summary>
/// 👍/👎 from officials, kept by the configured <see cref="IFeedbackStore"/> (a SQLite file beside the index, or
/// PostgreSQL shared by replicas: "Storage:Provider"). Posts are written by a <see cref="BatchWriter{T}"/> (many
/// clicks, one transaction); <see cref="AddAsync"/> returns once its batch is stored, so a 200 means stored,
/// and a clean stop writes whatever is queued.
/// </summary>
public sealed class FeedbackStore : IAsyncDisposable, IDisposable
{
    private readonly IFeedbackStore _durable;
    private readonly BatchWriter<Pending> _writer;

    public FeedbackStore(IFeedbackStore durable, ILogger<FeedbackStore> logger)
    {
        _durable = durable;
        _writer = new BatchWriter<Pending>("feedback writer", WriteAsync, capacity: 10_000, maxBatch: 256, logger);
    }

    /// <returns>The stored entry's id, once it is stored.</returns>
    public async Task<long> AddAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(entry);
        await await _writer.EnqueueAsync(pending, cancellationToken);
        return pending.Id;
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListAsync(CancellationToken cancellationToken = default) => _durable.ListAsync(cancellationToken);

    private async Task WriteAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        var ids = await _durable.SaveManyAsync(batch.Select(p => p.Entry).ToList(), cancellationToken);
        for (var i = 0; i < batch.Count; i++) batch[i].Id = ids[i];
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();

    private sealed class Pending(FeedbackEntry entry)
    {
        public FeedbackEntry Entry { get; } = entry;
        public long Id { get; set; }
    }
}
