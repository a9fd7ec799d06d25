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
        var indexed = chunks
            .Select((c, i) => new IndexedChunk(c, analyzer.Terms(IndexedText(c)), vectors is null ? null : vectors[i].Vector))
            .ToList();
        return new IndexBuild(Fingerprint(corpus), corpus.Documents.Select(d => d.Info).ToList(), indexed);
    }

    public async Task RebuildAsync(Corpus corpus, CancellationToken cancellationToken = default)
    {
        var build = await CreateBuildAsync(corpus, cancellationToken);
        await index.ReplaceAsync(build, cancellationToken);
        if (options is not null)
        {
            // The terms are at hand: the query side's vocabulary is written now rather than analyzed again at the next start.
            try { Query.Vocabulary.Write(Core.RepositoryPaths.Resolve(options.Value.DataPath), build.Fingerprint, build.Chunks.Select(c => c.Terms)); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Vocabulary could not be written; it will be built from the corpus at the next start");
            }
        }
        logger.LogInformation("Indexed {Chunks} chunks of {Documents} documents into {Backend}",
            build.Chunks.Count, build.Documents.Count, index.Name);
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
