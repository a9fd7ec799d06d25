namespace KeHoach57.Retrieval.Qdrant;

/// <summary>A sparse vector: unique dimension ids in ascending order, with their values.</summary>
public sealed record SparseTerms(uint[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;

    /// <summary>Qdrant.Client's (values, indices) pair, which converts to a vector, a query or a nearest input.</summary>
    public (float[] Values, uint[] Indices) ToPair() => (Values, Indices);
}

/// <summary>
/// BM25 as sparse vectors: a chunk stores <see cref="Bm25.TermWeight"/> per term and Qdrant's "idf" modifier
/// multiplies the query side by <see cref="Bm25.Idf"/>, so the sparse dot product is the embedded index's
/// BM25 score, term for term.
/// </summary>
public static class LexicalVectors
{
    /// <summary>
    /// The one dimension of a chunk without terms. Qdrant does not index an empty sparse vector, so such a chunk
    /// would drop out of IDF's N (the points holding the vector) while the embedded index counts every chunk;
    /// this id, never asked by a query (the analyzer emits no empty term), keeps it counted, with weight 0.
    /// </summary>
    public static readonly uint EmptyChunkId = TermIds.Of("");

    /// <summary>Mean chunk length in terms, exactly as the embedded index computes it (1 for an empty build).</summary>
    public static double AverageLength(IReadOnlyList<IndexedChunk> chunks) =>
        chunks.Count == 0 ? 1 : chunks.Average(c => c.Terms.Count);

    public static SparseTerms ForChunk(IReadOnlyList<string> terms, double averageLength, double k1, double b)
    {
        if (terms.Count == 0) return new SparseTerms([EmptyChunkId], [0f]);
        var weights = new Dictionary<uint, float>();
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            var weight = (float)Bm25.TermWeight(group.Count(), terms.Count, averageLength, k1, b);
            Add(weights, TermIds.Of(group.Key), weight);
        }
        return ToVector(weights);
    }

    /// <summary>Query terms with their weights; a weight that is not a finite number is dropped, as Qdrant refuses it.</summary>
    public static SparseTerms ForQuery(IEnumerable<WeightedTerm> terms)
    {
        var weights = new Dictionary<uint, float>();
        foreach (var (term, weight) in terms)
        {
            if (string.IsNullOrEmpty(term) || !float.IsFinite(weight)) continue;
            Add(weights, TermIds.Of(term), weight);
        }
        return ToVector(weights);
    }

    // Qdrant rejects repeated indices, so terms sharing an id are merged: a repeated query term adds up as it
    // does in the embedded index's score sum; a hash collision merges two terms, too rare to move a ranking.
    private static void Add(Dictionary<uint, float> weights, uint id, float weight) =>
        weights[id] = weights.GetValueOrDefault(id) + weight;

    private static SparseTerms ToVector(Dictionary<uint, float> weights)
    {
        var indices = weights.Keys.Order().ToArray();
        return new SparseTerms(indices, indices.Select(i => weights[i]).ToArray());
    }
}
