using KeHoach57.Answering;
using KeHoach57.Answering.Composition;
using KeHoach57.Conversations;
using KeHoach57.Core;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Ingestion;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Hosting.Lifecycle;

/// <summary>
/// Holds the answering stack that answers now and replaces it when the corpus changes.
/// <list type="bullet">
/// <item><see cref="ReloadAsync"/> reads corpus/ again; <see cref="ApplyAsync"/> takes a corpus the caller built
/// (an import of a new plan while serving: build the new <see cref="Corpus"/>, then ApplyAsync it). Either makes
/// sure the shared index matches (rebuilt atomically when it does not, or when its file is damaged), builds a new
/// stack and swaps it in with one reference write. Requests in flight finish on the stack they started with.
/// One reload runs at a time.</item>
/// <item>A corpus with no readable document never replaces anything: the previous stack keeps answering (or,
/// at a start, the previous index with the corpus snapshot kept beside it), and <see cref="Status"/> and the
/// log say why.</item>
/// </list>
/// </summary>
public sealed class AssistantHolder : IAssistantSource
{
    private readonly IServiceProvider _host;
    private readonly AnsweringStackBlueprint _blueprint;
    private readonly CorpusLoader _loader;
    private readonly CorpusIndexer _indexer;
    private readonly ISearchIndex _index;
    private readonly CorpusSnapshot _snapshot;
    private readonly TimeProvider _clock;
    private readonly WarmUpOptions _warmUp;
    private readonly ILogger<AssistantHolder> _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly Lock _firstLoadGate = new();
    private Task? _firstLoad;
    private volatile AnsweringStack? _current;
    private volatile AssistantStatus _status = new(AssistantState.Loading);

    public AssistantHolder(IServiceProvider host, AnsweringStackBlueprint blueprint, CorpusLoader loader, CorpusIndexer indexer,
        ISearchIndex index, IOptions<IndexOptions> indexOptions, TimeProvider clock, ILogger<AssistantHolder> logger,
        IOptions<WarmUpOptions>? warmUp = null)
    {
        _warmUp = warmUp?.Value ?? new WarmUpOptions();
        _host = host;
        _blueprint = blueprint;
        _loader = loader;
        _indexer = indexer;
        _index = index;
        _clock = clock;
        _logger = logger;
        _snapshot = new CorpusSnapshot(Path.Combine(RepositoryPaths.Resolve(indexOptions.Value.DataPath), CorpusSnapshot.FileName), logger);
    }

    public AssistantStatus Status => _status;

    /// <summary>The stack answering now, or null before the first load (or when there has never been anything to serve).</summary>
    public AnsweringStack? Stack => _current;

    public Assistant? Current => _current?.Assistant;

    /// <summary>The first load, started by whoever asks first (the server's warm-up, or the CLI).</summary>
    public Task EnsureStartedAsync(CancellationToken cancellationToken = default)
    {
        lock (_firstLoadGate) _firstLoad ??= ReloadAsync(cancellationToken);
        return _firstLoad;
    }

    public async Task<Assistant> ReadyAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } stack) return stack.Assistant;
        await EnsureStartedAsync(cancellationToken).WaitAsync(cancellationToken);
        return _current?.Assistant ?? throw new AssistantUnavailableException(_status.Reason ?? "Trợ lý chưa nạp được kế hoạch nào.");
    }

    /// <summary>For the host provider's forwarders (CLI and tools): the current stack, waiting for the first load.</summary>
    internal AnsweringStack StackOrWait()
    {
        if (_current is { } stack) return stack;
        ReadyAsync().GetAwaiter().GetResult();
        return _current!;
    }

    /// <summary>Reads corpus/ again and serves it if it is usable. Never throws for a bad corpus; see <see cref="Status"/>.</summary>
    public async Task<ReloadOutcome> ReloadAsync(CancellationToken cancellationToken = default)
    {
        Corpus corpus;
        try
        {
            // The loader is synchronous and reads files: off the caller's thread, every read bounded by the loader.
            corpus = await Task.Run(_loader.Load, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Corpus at {Folder} could not be read", _loader.Folder);
            corpus = new Corpus([], "");
        }
        return await ApplyAsync(corpus, cancellationToken);
    }

    /// <summary>Serves <paramref name="corpus"/>: the index is made to match it, then a new stack is swapped in.</summary>
    public async Task<ReloadOutcome> ApplyAsync(Corpus corpus, CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            if (corpus.Documents.Count == 0) return await KeepPreviousAsync(cancellationToken);
            var previous = _current;
            var rebuilt = await _indexer.EnsureFreshAsync(corpus, cancellationToken);
            if (previous is not null && !rebuilt && previous.Corpus.Fingerprint == corpus.Fingerprint)
            {
                _status = Serving(AssistantState.Ready, previous, null);
                return ReloadOutcome.Unchanged;
            }
            var stack = await BuildAsync(corpus, cancellationToken);
            _current = stack;
            _status = Serving(AssistantState.Ready, stack, null);
            _logger.LogInformation("Answering from {Documents} documents, {Chunks} chunks{Rebuilt}",
                corpus.Documents.Count, stack.Chunks, rebuilt ? " (index rebuilt)" : "");
            await SaveSnapshotAsync(corpus, cancellationToken);
            return ReloadOutcome.Swapped;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Could not serve the new corpus; the previous one stays");
            _status = _current is { } kept
                ? Serving(AssistantState.Degraded, kept, "Không dựng được chỉ mục cho dữ liệu kế hoạch mới; trợ lý vẫn trả lời theo dữ liệu đã nạp trước.")
                : new AssistantStatus(AssistantState.Failed, Reason: "Không nạp được dữ liệu kế hoạch. Xem nhật ký máy chủ để biết nguyên nhân.");
            return ReloadOutcome.KeptPrevious;
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task<ReloadOutcome> KeepPreviousAsync(CancellationToken cancellationToken)
    {
        const string empty = "Thư mục kế hoạch không có văn bản nào đọc được (sai đường dẫn, thư mục trống hoặc tệp hỏng).";
        if (_current is { } kept)
        {
            _logger.LogWarning("Corpus at {Folder} has no readable document; still answering from the {Documents} documents loaded before", _loader.Folder, kept.Corpus.Documents.Count);
            _status = Serving(AssistantState.Degraded, kept, empty + " Trợ lý vẫn trả lời theo dữ liệu đã nạp trước.");
            return ReloadOutcome.KeptPrevious;
        }

        var indexed = await _index.GetStatusAsync(cancellationToken);
        if (indexed is null || indexed.Documents == 0)
        {
            _logger.LogError("Corpus at {Folder} has no readable document and there is no earlier index: nothing to answer from", _loader.Folder);
            _status = new AssistantStatus(AssistantState.Failed, Reason: empty + " Chưa có chỉ mục nào để trả lời.");
            return ReloadOutcome.KeptPrevious;
        }
        // The index has documents: it is never replaced by an empty one. Serve it with the corpus it was built from.
        var snapshot = await _snapshot.LoadAsync(cancellationToken);
        if (snapshot is not null && _indexer.Fingerprint(snapshot) == indexed.Fingerprint)
        {
            var stack = await BuildAsync(snapshot, cancellationToken);
            _current = stack;
            _logger.LogWarning("Corpus at {Folder} has no readable document; answering from the previous index ({Documents} documents) and its snapshot",
                _loader.Folder, snapshot.Documents.Count);
            _status = Serving(AssistantState.Degraded, stack, empty + " Trợ lý trả lời theo chỉ mục đã lập trước đó.");
            return ReloadOutcome.KeptPrevious;
        }
        _logger.LogError("Corpus at {Folder} has no readable document; the index ({Documents} documents) is kept untouched, but without its corpus snapshot it cannot be served",
            _loader.Folder, indexed.Documents);
        _status = new AssistantStatus(AssistantState.Failed, indexed.Documents, indexed.Chunks, empty + " Chỉ mục cũ được giữ nguyên.");
        return ReloadOutcome.KeptPrevious;
    }

    private async Task<AnsweringStack> BuildAsync(Corpus corpus, CancellationToken cancellationToken)
    {
        var services = _blueprint.Build(corpus, _host);
        // Resolving the assistant builds the whole stack now, so a broken stack fails here and not at a request.
        var stack = new AnsweringStack(corpus, services, _clock.GetUtcNow());
        // With the index: readings of the plans' clauses, kept in the data folder for every later start (none when kept already).
        await Task.Run(() => services.GetRequiredService<AnswerText>().KeepReadings(cancellationToken), cancellationToken);
        await WarmUpAsync(stack, cancellationToken);
        return stack;
    }

    /// <summary>Answers <see cref="WarmUpOptions.Questions"/> on a stack not yet served (see <see cref="WarmUpOptions"/>).
    /// A failing or slow warm-up is logged and never keeps the stack from serving.</summary>
    private async Task WarmUpAsync(AnsweringStack stack, CancellationToken cancellationToken)
    {
        if (!_warmUp.Enabled || _warmUp.Questions.Length == 0) return;
        var started = _clock.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_warmUp.TimeoutSeconds));
        try
        {
            foreach (var question in _warmUp.Questions)
                await stack.Assistant.AskAsync(new AskRequest(question), timeout.Token);
            _logger.LogInformation("Warmed up on {Questions} questions in {ElapsedMs:F0} ms", _warmUp.Questions.Length, _clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Warm-up did not finish; serving without it");
        }
    }

    private async Task SaveSnapshotAsync(Corpus corpus, CancellationToken cancellationToken)
    {
        try
        {
            if (await _snapshot.FingerprintAsync(cancellationToken) != corpus.Fingerprint) await _snapshot.SaveAsync(corpus, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not write the corpus snapshot at {Path}; a later start with an unreadable corpus would have nothing to serve", _snapshot.FilePath);
        }
    }

    private static AssistantStatus Serving(AssistantState state, AnsweringStack stack, string? reason) =>
        new(state, stack.Corpus.Documents.Count, stack.Chunks, reason, stack.LoadedAt);

    // Nothing is disposed: the stacks' child providers are left to the collector (a request may still be answering on
    // one), and the reload gate too, since a reload running when the host stops (the clause readings of a first start
    // take seconds) must still release it: a disposed gate turned a failed start's own error ("set ConnectionStrings__
    // Postgres") into an ObjectDisposedException. A SemaphoreSlim whose wait handle is never asked for holds nothing to free.
}

/// <summary>No corpus could be loaded and there was nothing earlier to answer from.</summary>
public sealed class AssistantUnavailableException(string reason) : InvalidOperationException(reason);
