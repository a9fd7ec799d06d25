using System.Collections.Concurrent;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;

namespace KeHoach57.Retrieval.Ranking;

/// <summary>Measures how well one passage fits the question's topic words, beyond the backend's BM25.</summary>
public sealed class PassageFeatureScorer(VietnameseAnalyzer analyzer)
{
    private const int ProximityWindow = 14;
    private readonly ConcurrentDictionary<string, (string[] Body, HashSet<string> Heading)> _chunkWords = new();

    public PassageFeatures Score(Chunk chunk, BuiltQuery query, double lexical)
    {
        var (body, heading) = _chunkWords.GetOrAdd(chunk.Id, _ => (
            analyzer.Tokenize(chunk.Passage).Select(t => t.Term).ToArray(),
            analyzer.Tokenize(chunk.Section + " " + chunk.Context).Select(t => t.Term).ToHashSet()));
        if (query.Words.Count == 0) return new PassageFeatures(lexical, 0, 0, 0);

        var bodySet = body.ToHashSet();
        double total = 0, covered = 0, inHeading = 0;
        var positions = new List<(int Position, int Word)>();
        for (var w = 0; w < query.Words.Count; w++)
        {
            var word = query.Words[w];
            var weight = word.Forms[0].Similarity;
            total += weight;
            var best = word.Forms.Where(f => bodySet.Contains(f.Word)).Select(f => f.Similarity).DefaultIfEmpty(0).Max();
            covered += weight * best;
            if (word.Forms.Any(f => heading.Contains(f.Word))) inHeading += weight;
            var forms = word.Forms.Select(f => f.Word).ToHashSet();
            for (var p = 0; p < body.Length; p++)
                if (forms.Contains(body[p])) positions.Add((p, w));
        }
        return new PassageFeatures(lexical, covered / total, inHeading / total, BestWindow(positions, query.Words.Count));
    }

    /// <summary>Most distinct topic words inside any window of <see cref="ProximityWindow"/> words, as a share.</summary>
    private static double BestWindow(List<(int Position, int Word)> positions, int words)
    {
        if (positions.Count == 0) return 0;
        positions.Sort((a, b) => a.Position.CompareTo(b.Position));
        var best = 0;
        var counts = new Dictionary<int, int>();
        var start = 0;
        for (var end = 0; end < positions.Count; end++)
        {
            counts[positions[end].Word] = counts.GetValueOrDefault(positions[end].Word) + 1;
            while (positions[end].Position - positions[start].Position >= ProximityWindow)
            {
                var w = positions[start++].Word;
                if (--counts[w] == 0) counts.Remove(w);
            }
            best = Math.Max(best, counts.Count);
        }
        return (double)best / words;
    }
}
