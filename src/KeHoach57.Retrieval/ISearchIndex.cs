using KeHoach57.Core.Documents;

namespace KeHoach57.Retrieval;

/// <summary>
/// The index backend seam: the embedded BM25 store by default, Qdrant in production.
/// A backend only does first-stage lexical (and optionally dense) recall; ranking features and
/// answer extraction run above it, which is what keeps answers identical across backends.
/// </summary>
public interface ISearchIndex
{
    string Name { get; }

    /// <summary>What is indexed now, or null when nothing is.</summary>
    Task<IndexStatus?> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole index with <paramref name="build"/>. Atomic: a reader sees the old
    /// index or the new one, never a mix, and a failed build leaves the old one in place.</summary>
    Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The indexed chunks with these ids, in the order asked; ids the index does not hold are left out.</summary>
    Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default);

    /// <summary>Removes these chunks from the live index at once (a passage withdrawn without waiting for a rebuild);
    /// ids the index does not hold are ignored. Returns how many were removed. The remaining chunks keep their
    /// term weights; IDF and the status's chunk count no longer count the removed ones. The next
    /// <see cref="ReplaceAsync"/> rebuilds everything from the corpus.</summary>
    Task<int> DeleteChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default);
}

/// <param name="Fingerprint">Hash of the corpus files the index was built from, to detect a stale index.</param>
public sealed record IndexStatus(string Fingerprint, int Documents, int Chunks, DateTimeOffset BuiltAt);

/// <summary>Everything a backend needs to (re)build: documents, chunks, and each chunk's analyzed terms.</summary>
public sealed record IndexBuild(
    string Fingerprint,
    IReadOnlyList<DocumentInfo> Documents,
    IReadOnlyList<IndexedChunk> Chunks);

/// <param name="Terms">Analyzer output for the chunk (with repeats: term frequency matters).</param>
/// <param name="Dense">Embedding of the chunk when an embedding generator is configured.</param>
public sealed record IndexedChunk(Chunk Chunk, IReadOnlyList<string> Terms, ReadOnlyMemory<float>? Dense = null);

/// <param name="Terms">Weighted query terms from the analyzer; repeats are not expected.</param>
/// <param name="DocIds">Scope filter: only these documents, or all when null.</param>
public sealed record SearchRequest(
    IReadOnlyList<WeightedTerm> Terms,
    IReadOnlyList<string>? DocIds = null,
    int Limit = 50,
    ReadOnlyMemory<float>? Dense = null);

public readonly record struct WeightedTerm(string Term, float Weight);

public sealed record SearchHit(Chunk Chunk, double Score);
