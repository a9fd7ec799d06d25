using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using KeHoach57.Core.Documents;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// Everything one <see cref="ISearchIndex.ReplaceAsync"/> sends to Qdrant, computed up front and without I/O:
/// the collection's name and schema, its points, and the status point that marks it complete.
/// </summary>
public sealed class IndexPlan
{
    public const string LexicalVector = "lexical";
    public const string DenseVector = "dense";

    /// <summary>Bumped when the point layout changes, so an old collection is never taken for a current one.</summary>
    private const string SchemaVersion = "kehoach57-qdrant-v2";

    private const int BuildKeyLength = 12;

    private readonly IndexBuild _build;
    private readonly double _averageLength;
    private readonly double _k1;
    private readonly double _b;

    private IndexPlan(IndexBuild build, QdrantOptions options, IndexOptions index, int? denseSize, DateTimeOffset builtAt)
    {
        _build = build;
        _averageLength = LexicalVectors.AverageLength(build.Chunks);
        _k1 = index.K1;
        _b = index.B;
        var buildKey = BuildKey(build, options, index, denseSize);
        CollectionName = CollectionNameFor(options.Collection, buildKey);
        CreateRequest = new CreateCollection
        {
            CollectionName = CollectionName,
            SparseVectorsConfig = new SparseVectorConfig { Map = { [LexicalVector] = new SparseVectorParams { Modifier = Modifier.Idf } } },
            ShardNumber = (uint)options.ShardNumber,
            ReplicationFactor = (uint)options.ReplicationFactor,
            WriteConsistencyFactor = (uint)options.WriteConsistencyFactor,
        };
        if (denseSize is { } size)
            CreateRequest.VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap { Map = { [DenseVector] = new VectorParams { Size = (ulong)size, Distance = Distance.Cosine } } },
            };
        Status = new IndexStatusPayload(build.Fingerprint, build.Documents.Count, build.Chunks.Count, builtAt, denseSize, buildKey);
    }

    /// <summary>"{alias}-{build key}": the same build always lands in the same collection, so rebuilding an index
    /// that is already live is a no-op, and a half-built collection is recognisable by name.</summary>
    public string CollectionName { get; }

    /// <summary>Named "lexical" sparse vector with the idf modifier; a Cosine "dense" one when the build has embeddings.</summary>
    public CreateCollection CreateRequest { get; }

    public IndexStatusPayload Status { get; }

    public int PointCount => _build.Chunks.Count;

    /// <exception cref="ArgumentException">Embeddings of different sizes in one build: they cannot share a vector.</exception>
    public static IndexPlan Create(IndexBuild build, QdrantOptions options, IndexOptions index, DateTimeOffset builtAt)
    {
        ArgumentNullException.ThrowIfNull(build);
        int? denseSize = null;
        foreach (var chunk in build.Chunks)
        {
            // An empty vector is "no embedding": a null float[] converts silently to an empty ReadOnlyMemory.
            if (chunk.Dense is not { Length: > 0 } dense) continue;
            if (denseSize is { } size && size != dense.Length)
                throw new ArgumentException(
                    $"Chunk {chunk.Chunk.Id} has a {dense.Length}-dimension embedding but earlier chunks have {size}: " +
                    "one build must use one embedding model.", nameof(build));
            denseSize = dense.Length;
        }
        return new IndexPlan(build, options, index, denseSize, builtAt);
    }

    public static string CollectionNameFor(string alias, string buildKey) => $"{alias}-{buildKey}";

    /// <summary>Whether <paramref name="collection"/> is a build of <paramref name="alias"/> (live, stale or half-built).</summary>
    public static bool IsBuildOf(string alias, string collection) =>
        collection.Length == alias.Length + 1 + BuildKeyLength
        && collection.StartsWith(alias + "-", StringComparison.Ordinal)
        && collection.AsSpan(alias.Length + 1).IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>The chunk points in build order, <paramref name="batchSize"/> at a time; computed lazily, as
    /// payloads and vectors of a large corpus need not all sit in memory at once.</summary>
    public IEnumerable<IReadOnlyList<PointStruct>> Batches(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var documents = _build.Documents
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _build.Chunks.Select((chunk, position) => ToPoint(chunk, documents.GetValueOrDefault(chunk.Chunk.DocId), position)).Chunk(batchSize);
    }

    public PointStruct ToPoint(IndexedChunk chunk, DocumentInfo? document, int position)
    {
        var vectors = new Dictionary<string, Vector>
        {
            // Every chunk has one (see LexicalVectors.EmptyChunkId): Qdrant's IDF counts the points holding the
            // vector, and the embedded index counts every chunk.
            [LexicalVector] = LexicalVectors.ForChunk(chunk.Terms, _averageLength, _k1, _b).ToPair(),
        };
        if (chunk.Dense is { Length: > 0 } dense) vectors[DenseVector] = dense.ToArray();
        return new PointStruct
        {
            Id = PointIdOf(chunk.Chunk.Id),
            Vectors = vectors,
            Payload = { ChunkPayload.From(chunk.Chunk, document, position).ToPayload() },
        };
    }

    public static Guid PointIdOf(string chunkId) => Uuid5.Create(chunkId);

    /// <summary>Hash of everything that shapes the collection's content or layout; an equal key means an equal collection.</summary>
    private static string BuildKey(IndexBuild build, QdrantOptions options, IndexOptions index, int? denseSize)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value ?? "\u0000null"));
            hash.AppendData([0]);
        }

        Add(SchemaVersion);
        Add(build.Fingerprint);
        Add(Invariant(index.K1));
        Add(Invariant(index.B));
        Add(Invariant(options.ShardNumber));
        Add(Invariant(options.ReplicationFactor));
        Add(Invariant(options.WriteConsistencyFactor));
        Add(Invariant(denseSize));
        foreach (var d in build.Documents)
            foreach (var field in new[] { d.Id, d.Title, d.Issuer, d.Number, d.Date, d.Locality, d.Level, d.Source }) Add(field);
        foreach (var c in build.Chunks)
        {
            foreach (var field in new[] { c.Chunk.Id, c.Chunk.DocId, c.Chunk.Section, c.Chunk.Text, c.Chunk.Context, c.Chunk.Kind.ToString() }) Add(field);
            Add(Invariant(c.Chunk.Ordinal));
            Add(string.Join('\u0001', c.Terms));
            if (c.Dense is { Length: > 0 } dense) hash.AppendData(MemoryMarshal.AsBytes(dense.Span));
            Add("|");
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..BuildKeyLength];
    }

    private static string? Invariant(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);
}
