using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Query;
using KeHoach57.Retrieval.Ranking;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval;

/// <summary>
/// Finds the passages for a question: the backend recalls candidates by (OCR-expanded) BM25, then
/// ranking features re-order them, plus any prior the caller knows (what the intent needs).
/// </summary>
public sealed class Retriever(
    ISearchIndex index,
    QueryBuilder queries,
    PassageFeatureScorer features,
    IOptions<RankingOptions> options,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    // Weights tuned on the development set as a whole (see the closing notes' ablation), not per item.
    private const double CoverageWeight = 1.0;
    private const double SectionWeight = 0.35;
    private const double ProximityWeight = 0.5;

    /// <param name="query">The question as built by <see cref="Analyze"/>: built once per question, since the
    /// same topic words also choose the quoted clauses afterwards.</param>
    public async Task<IReadOnlyList<RankedPassage>> RetrieveAsync(
        BuiltQuery query,
        IReadOnlyList<string>? docIds,
        int limit,
        Func<Chunk, double>? prior = null,
        CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        ReadOnlyMemory<float>? dense = null;
        if (embeddings is not null)
            dense = (await embeddings.GenerateAsync([query.Question], cancellationToken: cancellationToken))[0].Vector;
        var hits = await index.SearchAsync(new SearchRequest(query.Terms, docIds, settings.Candidates, dense), cancellationToken);
        if (hits.Count == 0) return [];

        var top = hits.Max(h => h.Score);
        var ranked = new List<RankedPassage>(hits.Count);
        foreach (var hit in hits)
        {
            var f = features.Score(hit.Chunk, query, hit.Score / top);
            var score = f.Lexical + CoverageWeight * f.Coverage
                + (settings.SectionMatch ? SectionWeight * f.SectionMatch : 0)
                + (settings.Proximity ? ProximityWeight * f.Proximity : 0)
                + (prior?.Invoke(hit.Chunk) ?? 0);
            ranked.Add(new RankedPassage(hit.Chunk, score, f));
        }
        return ranked
            .OrderByDescending(r => r.Score).ThenBy(r => r.Chunk.DocId, StringComparer.Ordinal).ThenBy(r => r.Chunk.Ordinal)
            .Take(limit)
            .ToList();
    }

    public BuiltQuery Analyze(string question) => queries.Build(question);
}
