namespace KeHoach57.Retrieval;

/// <summary>
/// BM25 in the split form both backends use: the embedded index computes all of it; Qdrant gets
/// <see cref="TermWeight"/> as sparse vector values and applies the same <see cref="Idf"/> itself
/// (its "idf" modifier), which is what keeps their rankings equal.
/// </summary>
public static class Bm25
{
    /// <summary>Qdrant's IDF: ln(1 + (N − n + 0.5) / (n + 0.5)).</summary>
    public static double Idf(int documentCount, int documentFrequency) =>
        Math.Log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));

    /// <summary>The saturated, length-normalized term frequency of one term in one chunk.</summary>
    public static double TermWeight(int termFrequency, int length, double averageLength, double k1, double b) =>
        termFrequency * (k1 + 1) / (termFrequency + k1 * (1 - b + b * length / Math.Max(averageLength, 1e-9)));
}
