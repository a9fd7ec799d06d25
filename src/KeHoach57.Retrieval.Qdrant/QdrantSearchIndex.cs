using KeHoach57.Core.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// The production index: one Qdrant point per chunk, a "lexical" sparse vector scored by Qdrant as BM25
/// (same terms, weights and IDF as <c>EmbeddedIndex</c>, hence the same ranking), an optional "dense"
/// vector fused with it by RRF, and readers that always go through the alias so rebuilds never show them
/// a half-filled collection.
/// </summary>
public sealed class QdrantSearchIndex : ISearchIndex
{
    /// <summary>Extra candidates fetched past the limit, so that chunks tied at the cut-off can be put in
    /// the embedded index's order (Qdrant breaks ties its own way) before trimming.</summary>
    private const int TieSlack = 16;

    private readonly QdrantCalls _calls;
    private readonly QdrantOptions _options;
    private readonly QdrantIndexBuilder _builder;
    private readonly ILogger<QdrantSearchIndex> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // What this process last saw live; only consulted to know whether a dense vector exists to query.
    private IndexStatusPayload? _live;

    public QdrantSearchIndex(QdrantCalls calls, IOptions<QdrantOptions> options, IOptions<IndexOptions> index, ILogger<QdrantSearchIndex> logger)
    {
        _calls = calls;
        _options = options.Value;
        _logger = logger;
        _builder = new QdrantIndexBuilder(calls, _options, index.Value, logger);
    }

    public string Name => "qdrant";

    public string Alias => _options.Collection;

    public async Task<IndexStatus?> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        _live = await _builder.ReadLiveStatusAsync(cancellationToken);
        return _live?.ToStatus();
    }

    public async Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _live = await _builder.ReplaceAsync(build, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<int> DeleteChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkIds);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var removed = await _builder.DeleteAsync(chunkIds.Distinct(StringComparer.Ordinal).Select(IndexPlan.PointIdOf).ToList(), cancellationToken);
            _live = null;
            return removed;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkIds);
        if (chunkIds.Count == 0) return [];
        IReadOnlyList<RetrievedPoint> points;
        try
        {
            points = await _calls.RunAsync($"a read of {chunkIds.Count} chunks from {Alias}", (c, t) => c.RetrieveAsync(Alias,
                chunkIds.Distinct(StringComparer.Ordinal).Select(id => (PointId)IndexPlan.PointIdOf(id)).ToList(),
                withPayload: true, withVectors: false, readConsistency: _options.ReadConsistencyRequest, cancellationToken: t), cancellationToken);
        }
        catch (QdrantCallException ex) when (ex.IsNotFound)
        {
            return [];
        }
        var byId = points.Select(p => ChunkPayload.Read(p.Payload)).OfType<ChunkPayload>()
            .ToDictionary(p => p.ChunkId, p => p.ToChunk(), StringComparer.Ordinal);
        return chunkIds.Select(id => byId.GetValueOrDefault(id)).OfType<Chunk>().ToList();
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit <= 0) return [];
        var sparse = LexicalVectors.ForQuery(request.Terms);
        float[]? dense = null;
        if (request.Dense is { Length: > 0 } queryVector)
        {
            if (await LiveDenseSizeAsync(cancellationToken) is not null) dense = queryVector.ToArray();
            else _logger.LogDebug("Qdrant index has no dense vectors; searching lexically only");
        }
        if (sparse.IsEmpty && dense is null) return [];

        var query = QueryFor(Alias, sparse, dense, ScopeFilter(request.DocIds), (ulong)(request.Limit + TieSlack), _options.ReadConsistencyRequest);
        IReadOnlyList<ScoredPoint> points;
        try
        {
            points = await _calls.RunAsync($"a query on {Alias}", (c, t) => c.QueryAsync(query.CollectionName, query.Query, query.Prefetch,
                query.HasUsing ? query.Using : null, query.Filter, limit: query.Limit, readConsistency: query.ReadConsistency,
                cancellationToken: t), cancellationToken);
        }
        catch (QdrantCallException ex) when (ex.IsNotFound)
        {
            _logger.LogWarning("Qdrant has no index under {Alias} yet; build it with `index --backend qdrant`", Alias);
            return [];
        }
        return ToHits(points, request.Limit);
    }

    /// <summary>The Query API request: lexical alone is a plain sparse query; with an embedding, both rank candidates
    /// and RRF fuses them.</summary>
    public static QueryPoints QueryFor(string collection, SparseTerms sparse, float[]? dense, Filter? filter, ulong limit,
        ReadConsistency? readConsistency = null)
    {
        var query = new QueryPoints { CollectionName = collection, Limit = limit, WithPayload = new WithPayloadSelector { Enable = true } };
        if (filter is not null) query.Filter = filter;
        if (readConsistency is not null) query.ReadConsistency = readConsistency;
        if (dense is null)
        {
            query.Query = sparse.ToPair();
            query.Using = IndexPlan.LexicalVector;
        }
        else if (sparse.IsEmpty)
        {
            query.Query = dense;
            query.Using = IndexPlan.DenseVector;
        }
        else
        {
            // The filter goes on each prefetch too: each must find `limit` candidates inside the scope, not before it.
            query.Query = Fusion.Rrf;
            query.Prefetch.Add(new PrefetchQuery { Query = sparse.ToPair(), Using = IndexPlan.LexicalVector, Limit = limit, Filter = filter });
            query.Prefetch.Add(new PrefetchQuery { Query = dense, Using = IndexPlan.DenseVector, Limit = limit, Filter = filter });
        }
        return query;
    }

    /// <summary>Null or empty means every document, as in the embedded index.</summary>
    public static Filter? ScopeFilter(IReadOnlyList<string>? docIds) =>
        docIds is { Count: > 0 }
            ? new Filter { Must = { Conditions.Match(ChunkPayload.DocKeyField, docIds.Select(ChunkPayload.DocKeyOf).Distinct().ToList()) } }
            : null;

    private IReadOnlyList<SearchHit> ToHits(IReadOnlyList<ScoredPoint> points, int limit)
    {
        var hits = new List<(ChunkPayload Payload, double Score)>(points.Count);
        foreach (var point in points)
        {
            if (ChunkPayload.Read(point.Payload) is { } payload) hits.Add((payload, point.Score));
            else _logger.LogWarning("Qdrant point {Id} under {Alias} carries no chunk payload; skipped", point.Id, Alias);
        }
        return hits
            .OrderByDescending(h => h.Score).ThenBy(h => h.Payload.Position)
            .Take(limit)
            .Select(h => new SearchHit(h.Payload.ToChunk(), h.Score))
            .ToList();
    }

    private async Task<int?> LiveDenseSizeAsync(CancellationToken cancellationToken)
    {
        _live ??= await _builder.ReadLiveStatusAsync(cancellationToken);
        return _live?.DenseSize;
    }
}
