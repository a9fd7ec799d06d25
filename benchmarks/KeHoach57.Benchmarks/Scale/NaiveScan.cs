using KeHoach57.Retrieval;

namespace KeHoach57.Benchmarks.Scale;

/// <summary>
/// The reference a search index has to beat: no postings, every chunk in scope scored by looking each query term up
/// in that chunk's own sorted term list, with the same BM25 weights as the embedded index; top 60 by a full sort.
/// </summary>
public sealed class NaiveScan
{
    private readonly string[] _docs;
    private readonly int[][] _terms;
    private readonly int[][] _counts;
    private readonly int[] _lengths;
    private readonly int[] _documentFrequency;
    private readonly double _average;

    public Dictionary<string, int> TermIds { get; } = new(StringComparer.Ordinal);

    public NaiveScan(IReadOnlyList<(string DocId, List<string> Terms)> chunks)
    {
        _docs = new string[chunks.Count];
        _terms = new int[chunks.Count][];
        _counts = new int[chunks.Count][];
        _lengths = new int[chunks.Count];
        var df = new List<int>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var (doc, terms) = chunks[i];
            _docs[i] = doc;
            _lengths[i] = terms.Count;
            var counts = new SortedDictionary<int, int>();
            foreach (var term in terms)
            {
                if (!TermIds.TryGetValue(term, out var id)) { TermIds[term] = id = TermIds.Count; df.Add(0); }
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
            foreach (var id in counts.Keys) df[id]++;
            _terms[i] = counts.Keys.ToArray();
            _counts[i] = counts.Values.ToArray();
        }
        _documentFrequency = df.ToArray();
        _average = chunks.Count == 0 ? 1 : _lengths.Average();
    }

    public int Search(SearchRequest request)
    {
        var allowed = request.DocIds is { Count: > 0 } ids ? new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase) : null;
        var query = request.Terms.Where(t => TermIds.ContainsKey(t.Term))
            .Select(t => (Id: TermIds[t.Term], t.Weight, Idf: Bm25.Idf(_docs.Length, _documentFrequency[TermIds[t.Term]]))).ToArray();
        var scored = new List<(double Score, int Chunk)>();
        for (var c = 0; c < _docs.Length; c++)
        {
            if (allowed is not null && !allowed.Contains(_docs[c])) continue;
            var score = 0.0;
            foreach (var (id, weight, idf) in query)
            {
                var at = Array.BinarySearch(_terms[c], id);
                if (at >= 0) score += weight * idf * Bm25.TermWeight(_counts[c][at], _lengths[c], _average, 1.2, 0.75);
            }
            if (score > 0) scored.Add((score, c));
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Chunk.CompareTo(b.Chunk));
        return Math.Min(request.Limit, scored.Count);
    }
}
