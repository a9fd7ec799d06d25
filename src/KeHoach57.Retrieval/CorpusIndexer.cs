using System.Collections.Concurrent;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval;

/// <summary>Builds the index from the corpus, and rebuilds it when corpus/ changed since the last build.</summary>
public sealed class CorpusIndexer(
    ISearchIndex index,
    VietnameseAnalyzer analyzer,
    ILogger<CorpusIndexer> logger,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null,
    IOptions<IndexOptions>? options = null)
{
    /// <summary>What a chunk is indexed under: its section path and table context count as its words too.</summary>
    public static string IndexedText(Chunk chunk) => chunk.Section + "\n" + chunk.Passage;

    /// <summary>What the index must have been built from: this corpus, analyzed by this analyzer.</summary>
    public string Fingerprint(Corpus corpus) => FingerprintOf(corpus, analyzer);

    public static string FingerprintOf(Corpus corpus, VietnameseAnalyzer analyzer) => corpus.Fingerprint + "+" + analyzer.Signature;

    public async Task<IndexBuild> CreateBuildAsync(Corpus corpus, CancellationToken cancellationToken = default)
    {
        var chunks = corpus.Chunks.ToList();
        IList<Embedding<float>>? vectors = null;
        if (embeddings is not null && chunks.Count > 0)
            vectors = (await embeddings.GenerateAsync(chunks.Select(IndexedText), cancellationToken: cancellationToken)).ToList();
        // Analysis is most of a build and each chunk's terms depend on that chunk alone: spread over the cores,
        // each result in its chunk's place, so the build is the same whatever the order the chunks were analyzed in.
        // Every chunk's terms stay alive until the index is written: each term is kept once (the analyzer makes a new
        // string at every occurrence), so the copies die young instead of being carried through every collection.
        var indexed = new IndexedChunk[chunks.Count];
        var distinct = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.For(0, chunks.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var analyzed = analyzer.Terms(IndexedText(chunks[i]));
            var terms = new string[analyzed.Count];
            for (var t = 0; t < terms.Length; t++) terms[t] = distinct.GetOrAdd(analyzed[t], analyzed[t]);
            indexed[i] = new IndexedChunk(chunks[i], terms, vectors is null ? null : vectors[i].Vector);
        });
        return new IndexBuild(Fingerprint(corpus), corpus.Documents.Select(d => d.Info).ToList(), indexed);
    }

    public async Task RebuildAsync(Corpus corpus, CancellationToken cancellationToken = default)
    {
        var build = await CreateBuildAsync(corpus, cancellationToken);
        // The terms are at hand: the query side's vocabulary is written now rather than analyzed again at the next start,
        // beside the index's own write (each reads the terms only), so the two take one core each.
        var vocabulary = options is null ? Task.CompletedTask : Task.Run(() => WriteVocabulary(build, options.Value), cancellationToken);
        try
        {
            await index.ReplaceAsync(build, cancellationToken);
        }
        finally
        {
            await vocabulary;
        }
        logger.LogInformation("Indexed {Chunks} chunks of {Documents} documents into {Backend}",
            build.Chunks.Count, build.Documents.Count, index.Name);
    }

    private void WriteVocabulary(IndexBuild build, IndexOptions indexOptions)
    {
        try { Query.Vocabulary.Write(Core.RepositoryPaths.Resolve(indexOptions.DataPath), build.Fingerprint, build.Chunks.Select(c => c.Terms)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Vocabulary could not be written; it will be built from the corpus at the next start");
        }
    }

    /// <summary>Rebuilds when the index is missing or was built from another corpus. Returns whether it rebuilt.</summary>
    public async Task<bool> EnsureFreshAsync(Corpus corpus, CancellationToken cancellationToken = default)
    {
        var status = await index.GetStatusAsync(cancellationToken);
        if (status is not null && status.Fingerprint == Fingerprint(corpus)) return false;
        logger.LogInformation("Index {State}; rebuilding from corpus", status is null ? "missing" : "stale");
        await RebuildAsync(corpus, cancellationToken);
        return true;
    }
}
