using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>An index that passes every call to the real one; test doubles override the calls they change.</summary>
public class ForwardingIndex(ISearchIndex inner) : ISearchIndex
{
    public string Name => inner.Name;

    public virtual Task<IndexStatus?> GetStatusAsync(CancellationToken cancellationToken = default) => inner.GetStatusAsync(cancellationToken);

    public virtual Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default) => inner.ReplaceAsync(build, cancellationToken);

    public virtual Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(request, cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default) =>
        inner.GetChunksAsync(chunkIds, cancellationToken);

    public Task<int> DeleteChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default) =>
        inner.DeleteChunksAsync(chunkIds, cancellationToken);
}

/// <summary>Holds the index "loading" until the test opens the gate (or fails it), to see the server before it is ready.</summary>
public sealed class GatedIndex(ISearchIndex inner, Task gate) : ForwardingIndex(inner)
{
    public override async Task<IndexStatus?> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        return await base.GetStatusAsync(cancellationToken);
    }
}

/// <summary>An index whose searches wait for the test's gate (loading passes): a stack's warm-up questions stop there.</summary>
public sealed class SearchGatedIndex(ISearchIndex inner, Task gate) : ForwardingIndex(inner)
{
    private int _searches;

    public int Searches => Volatile.Read(ref _searches);

    /// <summary>Completed when the first search has come and is waiting at the gate.</summary>
    public TaskCompletionSource FirstSearch { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _searches);
        FirstSearch.TrySetResult();
        await gate.WaitAsync(cancellationToken);
        return await base.SearchAsync(request, cancellationToken);
    }
}

/// <summary>An index whose searches fail while <see cref="Broken"/> is set.</summary>
public sealed class FailingSearchIndex(ISearchIndex inner) : ForwardingIndex(inner)
{
    public volatile bool Broken = true;

    public override Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Broken ? throw new IOException("search went away") : base.SearchAsync(request, cancellationToken);
}

/// <summary>An index whose rebuilds fail while <see cref="Broken"/> is set, as a full disk or a Qdrant that went away would make them.</summary>
public sealed class BreakableIndex(ISearchIndex inner) : ForwardingIndex(inner)
{
    public volatile bool Broken;

    public override Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default) =>
        Broken ? throw new IOException("No space left on device") : base.ReplaceAsync(build, cancellationToken);
}

/// <summary>
/// An index that, once armed, stops right after a rebuild has replaced the index and before the holder has
/// swapped in the stack built on it: the moment when the old stack answers over the new index.
/// </summary>
public sealed class PausingIndex(ISearchIndex inner) : ForwardingIndex(inner)
{
    private TaskCompletionSource? _resume;

    /// <summary>Completed when an armed rebuild has replaced the index and is waiting.</summary>
    public TaskCompletionSource Replaced { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void PauseNextRebuild()
    {
        Replaced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _resume, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public void Resume() => Interlocked.Exchange(ref _resume, null)?.TrySetResult();

    public override async Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default)
    {
        await base.ReplaceAsync(build, cancellationToken);
        if (Volatile.Read(ref _resume) is not { } resume) return;
        Replaced.TrySetResult();
        await resume.Task;
    }
}
