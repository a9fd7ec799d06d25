using System.Collections.Concurrent;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Retrieval.Query;

/// <summary>
/// The words the corpus actually contains, so a clean query word can find its OCR-damaged spellings.
/// Built from the corpus itself (always on disk, whatever the index backend), so the embedded index
/// and Qdrant receive the same expanded query.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<int, string[]> _wordsByLength;
    private readonly HashSet<string> _terms;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly int _chunks;
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Word, double Similarity)>> _cache = new();

    public Vocabulary(Corpus corpus, VietnameseAnalyzer analyzer)
    {
        _terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in corpus.Chunks)
        {
            _chunks++;
            foreach (var term in analyzer.Terms(CorpusIndexer.IndexedText(chunk)).Distinct())
            {
                _terms.Add(term);
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }
        _wordsByLength = _terms
            .Where(t => t.Length > 0 && char.IsLetter(t[0]) && !t.Contains('_'))
            .GroupBy(t => t.Length)
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w, StringComparer.Ordinal).ToArray());
    }

    public bool Contains(string term) => _terms.Contains(term);

    /// <summary>How telling a word is in this corpus (BM25's IDF); an unseen word is as telling as the rarest.</summary>
    public double Idf(string term) => Bm25.Idf(Math.Max(_chunks, 1), Math.Max(_documentFrequency.GetValueOrDefault(term), 1));

    /// <summary>Corpus words within the OCR distance of <paramref name="word"/>, most similar first (the word itself excluded).</summary>
    public IReadOnlyList<(string Word, double Similarity)> Variants(string word, int max = 8)
    {
        if (_cache.TryGetValue(word, out var cached)) return cached;
        var threshold = OcrDistance.Threshold(word.Length);
        var found = new List<(string, double)>();
        if (threshold > 0 && word.All(char.IsLetter))
        {
            for (var length = Math.Max(1, word.Length - 2); length <= word.Length + 2; length++)
            {
                if (!_wordsByLength.TryGetValue(length, out var words)) continue;
                foreach (var candidate in words)
                {
                    if (candidate == word) continue;
                    var d = OcrDistance.Between(word, candidate, threshold);
                    if (d <= threshold) found.Add((candidate, 1 - d / (threshold + 0.5)));
                }
            }
        }
        IReadOnlyList<(string, double)> result = found
            .OrderByDescending(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal).Take(max).ToList();
        if (_cache.Count < 50_000) _cache[word] = result;
        return result;
    }
}
