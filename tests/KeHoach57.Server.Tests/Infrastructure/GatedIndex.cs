using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>Holds the index "loading" until the test opens the gate (or fails it), to see the server before it is ready.</summary>
public sealed class GatedIndex(ISearchIndex inner, Task gate) : ISearchIndex
{
    public string Name => inner.Name;

    public async Task<IndexStatus?> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        return await inner.GetStatusAsync(cancellationToken);
    }

    public Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default) => inner.ReplaceAsync(build, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(request, cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default) =>
        inner.GetChunksAsync(chunkIds, cancellationToken);

    public Task<int> DeleteChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default) =>
        inner.DeleteChunksAsync(chunkIds, cancellationToken);
}
