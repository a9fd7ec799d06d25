using KeHoach57.Core.Documents;

namespace KeHoach57.Retrieval.Ranking;

/// <param name="Lexical">First-stage (BM25) score from the backend.</param>
/// <param name="Coverage">Share of the question's topic words the passage contains (0–1).</param>
/// <param name="SectionMatch">Share of topic words in the passage's section path or table header (0–1).</param>
/// <param name="Proximity">Share of topic words found together within a short window (0–1).</param>
public sealed record PassageFeatures(double Lexical, double Coverage, double SectionMatch, double Proximity);

public sealed record RankedPassage(Chunk Chunk, double Score, PassageFeatures Features);
