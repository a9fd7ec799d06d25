using System.Text.Json;
using KeHoach57.Core.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Embedded;

/// <summary>
/// The zero-setup index: BM25 over the analyzer's terms, kept in memory and persisted as one JSON file
/// under the data folder. A rebuild writes a new file and renames it over the old one, so a crash
/// mid-write leaves the previous index intact.
/// </summary>
public sealed class EmbeddedIndex : ISearchIndex
{
    private const string FileName = "embedded-index.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly string _path;
    private readonly IndexOptions _options;
    private readonly ILogger<EmbeddedIndex> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile Snapshot? _snapshot;
    private bool _loaded;

    public EmbeddedIndex(IOptions<IndexOptions> options, ILogger<EmbeddedIndex> logger)
    {
        _options = options.Value;
        _logger = logger;
        _path = Path.Combine(Core.RepositoryPaths.Resolve(_options.DataPath), FileName);
    }

    public string Name => "embedded";

    public string FilePath => _path;

    public Task<IndexStatus?> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        return Task.FromResult(_snapshot?.Status);
    }

    public async Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await WriteAsync(new StoredIndex(build.Fingerprint, DateTimeOffset.UtcNow, build.Documents,
                build.Chunks.Select(c => new StoredChunk(c.Chunk, c.Terms)).ToList()), cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<int> DeleteChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            EnsureLoaded();
            if (_snapshot is not { } snapshot || !File.Exists(_path)) return 0;
            var removing = chunkIds.Where(snapshot.ById.ContainsKey).ToHashSet(StringComparer.Ordinal);
            if (removing.Count == 0) return 0;
            // The file keeps every chunk of the build with the ids removed since, so the others keep the build's
            // length normalization (as Qdrant keeps the weights it stored) while IDF stops counting the removed.
            StoredIndex stored;
            await using (var stream = File.OpenRead(_path))
                stored = await JsonSerializer.DeserializeAsync<StoredIndex>(stream, Json, cancellationToken)
                    ?? throw new InvalidDataException($"The embedded index at {_path} is empty.");
            await WriteAsync(stored with { Removed = [.. stored.Removed ?? [], .. removing.Order(StringComparer.Ordinal)] }, cancellationToken);
            return removing.Count;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        var snapshot = _snapshot;
        IReadOnlyList<Chunk> chunks = snapshot is null
            ? []
            : chunkIds.Select(id => snapshot.ById.TryGetValue(id, out var at) ? snapshot.Chunks[at] : null).OfType<Chunk>().ToList();
        return Task.FromResult(chunks);
    }

    /// <summary>Writes a new file and renames it over the old one, then serves it. Callers hold the write lock.</summary>
    private async Task WriteAsync(StoredIndex stored, CancellationToken cancellationToken)
    {
        var snapshot = Snapshot.Build(stored, _options);
        await Core.AtomicFile.WriteAsync(_path, (stream, ct) => JsonSerializer.SerializeAsync(stream, stored, Json, ct), cancellationToken);
        _snapshot = snapshot;
        _loaded = true;
        _logger.LogInformation("Embedded index written: {Chunks} chunks from {Documents} documents at {Path}",
            snapshot.Chunks.Length, stored.Documents.Count, _path);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        var snapshot = _snapshot;
        IReadOnlyList<SearchHit> hits = snapshot is null ? [] : snapshot.Search(request);
        return Task.FromResult(hits);
    }

    private void EnsureLoaded()
    {
        if (_loaded) return;
        lock (_writeLock)
        {
            if (_loaded) return;
            if (File.Exists(_path))
            {
                try
                {
                    using var stream = File.OpenRead(_path);
                    var stored = JsonSerializer.Deserialize<StoredIndex>(stream, Json)
                        ?? throw new InvalidDataException("the file holds JSON null, not an index");
                    _snapshot = Snapshot.Build(stored, _options);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A damaged file ("{}", truncated, fields missing) is treated as no index: the caller rebuilds from corpus/.
                    _logger.LogWarning(ex, "Embedded index at {Path} is damaged or unreadable; it will be rebuilt from the corpus", _path);
                    _snapshot = null;
                }
            }
            _loaded = true;
        }
    }

    private sealed record StoredChunk(Chunk Chunk, IReadOnlyList<string> Terms);

    /// <param name="Removed">Chunk ids deleted since the build; null in files written before deletion existed.</param>
    private sealed record StoredIndex(string Fingerprint, DateTimeOffset BuiltAt, IReadOnlyList<DocumentInfo> Documents, List<StoredChunk> Chunks,
        IReadOnlyList<string>? Removed = null);

    private sealed class Snapshot
    {
        public required IndexStatus Status { get; init; }
        public required Chunk[] Chunks { get; init; }
        public required Dictionary<string, (int Chunk, float Weight)[]> Postings { get; init; }
        public required Dictionary<string, double> Idf { get; init; }
        public required Dictionary<string, int> ById { get; init; }

        public static Snapshot Build(StoredIndex stored, IndexOptions options)
        {
            // The average length is the build's, removed chunks included: deleting a chunk leaves the others' weights alone.
            var average = stored.Chunks.Count == 0 ? 1 : stored.Chunks.Average(c => c.Terms.Count);
            var removed = stored.Removed is { Count: > 0 } ids ? ids.ToHashSet(StringComparer.Ordinal) : null;
            var live = removed is null ? stored.Chunks : stored.Chunks.Where(c => !removed.Contains(c.Chunk.Id)).ToList();
            var chunks = live.Select(c => c.Chunk).ToArray();
            var lengths = live.Select(c => c.Terms.Count).ToArray();
            var postings = new Dictionary<string, List<(int, float)>>();
            for (var i = 0; i < live.Count; i++)
            {
                foreach (var group in live[i].Terms.GroupBy(t => t))
                {
                    if (!postings.TryGetValue(group.Key, out var list)) postings[group.Key] = list = [];
                    list.Add((i, (float)Bm25.TermWeight(group.Count(), lengths[i], average, options.K1, options.B)));
                }
            }
            return new Snapshot
            {
                Status = new IndexStatus(stored.Fingerprint, stored.Documents.Count, chunks.Length, stored.BuiltAt),
                Chunks = chunks,
                Postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray()),
                Idf = postings.ToDictionary(p => p.Key, p => Bm25.Idf(chunks.Length, p.Value.Count)),
                ById = chunks.Select((c, i) => (c.Id, i)).DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.i, StringComparer.Ordinal),
            };
        }

        public IReadOnlyList<SearchHit> Search(SearchRequest request)
        {
            var scores = new Dictionary<int, double>();
            HashSet<string>? allowed = request.DocIds is { Count: > 0 } ids ? new(ids, StringComparer.OrdinalIgnoreCase) : null;
            foreach (var (term, weight) in request.Terms)
            {
                if (!Postings.TryGetValue(term, out var list)) continue;
                var idf = Idf[term];
                foreach (var (chunk, tf) in list)
                {
                    if (allowed is not null && !allowed.Contains(Chunks[chunk].DocId)) continue;
                    scores[chunk] = scores.GetValueOrDefault(chunk) + weight * idf * tf;
                }
            }
            return scores
                .OrderByDescending(s => s.Value).ThenBy(s => s.Key)
                .Take(request.Limit)
                .Select(s => new SearchHit(Chunks[s.Key], s.Value))
                .ToList();
        }
    }
}
