using KeHoach57.Core;
using KeHoach57.Core.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Embedded;

/// <summary>
/// The zero-setup index: BM25 over the analyzer's terms in one binary file under the data folder
/// (<see cref="IndexFile"/>), opened by mapping it, so a start costs milliseconds whatever the corpus's size.
/// A rebuild writes a new file and renames it over the old one, so a crash mid-write leaves the previous index intact.
/// </summary>
public sealed class EmbeddedIndex : ISearchIndex
{
    private const string FileName = "embedded-index.bin";
    // Written by earlier versions; removed once the binary file replaces it.
    private const string LegacyFileName = "embedded-index.json";

    private readonly string _path;
    private readonly IndexOptions _options;
    private readonly ILogger<EmbeddedIndex> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile IndexSnapshot? _snapshot;
    private bool _loaded;

    public EmbeddedIndex(IOptions<IndexOptions> options, ILogger<EmbeddedIndex> logger)
    {
        _options = options.Value;
        _logger = logger;
        _path = Path.Combine(RepositoryPaths.Resolve(_options.DataPath), FileName);
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
            var header = new IndexHeader(build.Fingerprint, DateTimeOffset.UtcNow, _options.K1, _options.B, build.Documents, []);
            Write(header, w => IndexFile.WriteBody(w, build.Chunks, _options.K1, _options.B));
            var legacy = Path.Combine(Path.GetDirectoryName(_path)!, LegacyFileName);
            if (File.Exists(legacy)) File.Delete(legacy);
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
            var removing = chunkIds.Where(snapshot.Contains).ToHashSet(StringComparer.Ordinal);
            if (removing.Count == 0) return 0;
            // The file keeps every chunk of the build with the ids removed since, so the others keep the build's
            // length normalization (as Qdrant keeps the weights it stored) while IDF stops counting the removed.
            var header = snapshot.Header with { Removed = [.. snapshot.Header.Removed, .. removing.Order(StringComparer.Ordinal)] };
            Write(header, snapshot.CopyBody);
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
        IReadOnlyList<Chunk> chunks = snapshot is null ? [] : chunkIds.Select(snapshot.ChunkById).OfType<Chunk>().ToList();
        return Task.FromResult(chunks);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        var snapshot = _snapshot;
        IReadOnlyList<SearchHit> hits = snapshot is null ? [] : snapshot.Search(request);
        return Task.FromResult(hits);
    }

    /// <summary>Writes a new file and renames it over the old one, then serves it. Callers hold the write lock.</summary>
    private void Write(IndexHeader header, Action<Storage.BinaryFileWriter> body)
    {
        AtomicFile.Write(_path, stream => IndexFile.Write(stream, header, body));
        // Readers still on the old snapshot keep its mapping (the renamed-over file lives on until they let go).
        _snapshot = new IndexSnapshot(_path);
        _loaded = true;
        _logger.LogInformation("Embedded index written: {Chunks} chunks from {Documents} documents at {Path}",
            _snapshot.Status.Chunks, header.Documents.Count, _path);
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
                    var snapshot = new IndexSnapshot(_path);
                    // Weights were computed with the file's k1 and b: under others, the file is as good as missing.
                    if (snapshot.Header.K1 == _options.K1 && snapshot.Header.B == _options.B) _snapshot = snapshot;
                    else _logger.LogInformation("Embedded index at {Path} was built with other BM25 parameters; it will be rebuilt", _path);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A damaged file (truncated, arrays that do not fit, another format) is treated as no index: the caller rebuilds from corpus/.
                    _logger.LogWarning(ex, "Embedded index at {Path} is damaged or unreadable; it will be rebuilt from the corpus", _path);
                    _snapshot = null;
                }
            }
            _loaded = true;
        }
    }
}
