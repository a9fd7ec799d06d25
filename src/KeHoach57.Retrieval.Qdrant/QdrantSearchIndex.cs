using KeHoach57.Retrieval.Qdrant.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    private readonly QdrantRestClient _client;
    private readonly QdrantOptions _options;
    private readonly QdrantIndexBuilder _builder;
    private readonly ILogger<QdrantSearchIndex> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // What this process last saw live; only consulted to know whether a dense vector exists to query.
    private IndexStatusPayload? _live;

    public QdrantSearchIndex(QdrantRestClient client, IOptions<QdrantOptions> options, IOptions<IndexOptions> index, ILogger<QdrantSearchIndex> logger)
    {
        _client = client;
        _options = options.Value;
        _logger = logger;
        _builder = new QdrantIndexBuilder(client, _options, index.Value, logger);
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

        var query = QueryFor(sparse, dense, ScopeFilter(request.DocIds), request.Limit + TieSlack);
        QueryResponse response;
        try
        {
            response = await _client.QueryAsync(Alias, query, cancellationToken);
        }
        catch (QdrantException ex) when (ex.IsNotFound)
        {
            _logger.LogWarning("Qdrant has no index under {Alias} yet; build it with `index --backend qdrant`", Alias);
            return [];
        }
        return ToHits(response, request.Limit);
    }

    /// <summary>Lexical alone is a plain sparse query; with an embedding, both rank candidates and RRF fuses them.</summary>
    public static QueryRequest QueryFor(SparseVector sparse, float[]? dense, Filter? filter, int limit)
    {
        if (dense is null) return new QueryRequest(QueryInput.Nearest(sparse), IndexPlan.LexicalVector, Filter: filter, Limit: limit);
        var denseQuery = QueryInput.Nearest(new DenseVector(dense));
        if (sparse.IsEmpty) return new QueryRequest(denseQuery, IndexPlan.DenseVector, Filter: filter, Limit: limit);
        return new QueryRequest(
            QueryInput.Rrf,
            Prefetch:
            [
                new Prefetch(QueryInput.Nearest(sparse), IndexPlan.LexicalVector, limit),
                new Prefetch(denseQuery, IndexPlan.DenseVector, limit),
            ],
            Filter: filter,
            Limit: limit);
    }

    /// <summary>Null or empty means every document, as in the embedded index.</summary>
    public static Filter? ScopeFilter(IReadOnlyList<string>? docIds) =>
        docIds is { Count: > 0 }
            ? new Filter(Must: [new FieldCondition("doc_key", new MatchAny(docIds.Select(ChunkPayload.DocKeyOf).Distinct().ToList()))])
            : null;

    private IReadOnlyList<SearchHit> ToHits(QueryResponse response, int limit)
    {
        var hits = new List<(ChunkPayload Payload, double Score)>(response.Points.Count);
        foreach (var point in response.Points)
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
