using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;

namespace KeHoach57.Retrieval.Ranking;

/// <summary>Measures how well one passage fits the question's topic words, beyond the backend's BM25.</summary>
public sealed class PassageFeatureScorer(VietnameseAnalyzer analyzer)
{
    private const int ProximityWindow = 14;
    // Bounds the words kept per chunk: past it the cache starts over, as a large corpus would otherwise keep every chunk it ever ranked.
    private const int MaxCachedChunks = 20_000;

    /// <summary>A chunk's words as the features read them: its distinct body words with where each stands, and its headings'
    /// distinct words. Positions by word let a question look up only its own forms instead of walking the whole body.</summary>
    private sealed record ChunkWords(WordSet Body, int[][] Positions, WordSet Heading);

    /// <summary>The question's topic words as the features read them, worked out once per question rather than once per passage.</summary>
    /// <param name="Forms">Every form of every topic word, once each, in the order first met.</param>
    /// <param name="FormOf">For each word, the index in <paramref name="Forms"/> of each of its forms.</param>
    /// <param name="WordsOf">For each form, the words it is a form of.</param>
    /// <param name="Hashes">Each form's <see cref="WordSet.Hash"/>.</param>
    /// <param name="Lookup">The forms as a set, by the same indexes: a passage with fewer distinct words than the question has
    /// forms looks its own words up here (their hashes kept with the passage) instead of every form in the passage.</param>
    private sealed record QueryForms(double[] Weights, string[] Forms, int[][] FormOf, int[][] WordsOf, int[] Hashes, WordSet Lookup);

    private readonly ConcurrentDictionary<string, ChunkWords> _chunkWords = new();
    private readonly ConditionalWeakTable<BuiltQuery, QueryForms> _queries = new();

    public PassageFeatures Score(Chunk chunk, BuiltQuery query, double lexical)
    {
        if (!_chunkWords.TryGetValue(chunk.Id, out var words))
        {
            if (_chunkWords.Count >= MaxCachedChunks) _chunkWords.Clear();
            var body = analyzer.Tokenize(chunk.Passage).Select((t, position) => (t.Term, position))
                .GroupBy(t => t.Term, StringComparer.Ordinal).ToArray();
            words = _chunkWords.GetOrAdd(chunk.Id, new ChunkWords(new WordSet(body.Select(g => g.Key).ToArray()), body.Select(g => g.Select(t => t.position).ToArray()).ToArray(),
                new WordSet(analyzer.Tokenize(chunk.Section + " " + chunk.Context).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray())));
        }
        if (query.Words.Count == 0) return new PassageFeatures(lexical, 0, 0, 0);

        var forms = _queries.TryGetValue(query, out var known) ? known : _queries.GetValue(query, Forms);
        // Each distinct form is looked up once in the body and once in the headings, not once per word it belongs to.
        var count = forms.Forms.Length;
        var rented = ArrayPool<int[]?>.Shared.Rent(count);
        var at = rented.AsSpan(0, count);
        Span<bool> inHeadings = count <= 256 ? stackalloc bool[count] : new bool[count];
        // Both sides are sets of distinct words with their hashes: the smaller one is walked and looked up in the other.
        if (words.Body.Count < count)
        {
            at.Clear();
            for (var b = 0; b < words.Body.Count; b++)
                if (forms.Lookup.IndexOf(words.Body[b], words.Body.HashAt(b)) is var d and >= 0) at[d] = words.Positions[b];
        }
        else
            for (var d = 0; d < count; d++)
            {
                var b = words.Body.IndexOf(forms.Forms[d], forms.Hashes[d]);
                at[d] = b >= 0 ? words.Positions[b] : null;
            }
        if (words.Heading.Count < count)
        {
            inHeadings.Clear();
            for (var h = 0; h < words.Heading.Count; h++)
                if (forms.Lookup.IndexOf(words.Heading[h], words.Heading.HashAt(h)) is var d and >= 0) inHeadings[d] = true;
        }
        else
            for (var d = 0; d < count; d++)
                inHeadings[d] = words.Heading.IndexOf(forms.Forms[d], forms.Hashes[d]) >= 0;
        double total = 0, covered = 0, inHeading = 0;
        for (var w = 0; w < query.Words.Count; w++)
        {
            var weight = forms.Weights[w];
            total += weight;
            // Similarities are positive: the best form the body holds, or nothing.
            var best = 0.0;
            var headed = false;
            // Indexed, not foreach: Forms is an interface, and its enumerator would be boxed for every word of every passage.
            var wordForms = query.Words[w].Forms;
            var formOf = forms.FormOf[w];
            for (var f = 0; f < wordForms.Count; f++)
            {
                var similarity = wordForms[f].Similarity;
                if (similarity > best && at[formOf[f]] is not null) best = similarity;
                headed = headed || inHeadings[formOf[f]];
            }
            covered += weight * best;
            if (headed) inHeading += weight;
        }
        // Every (position, word) the body holds, in a pooled buffer rather than a new list per passage.
        var size = 0;
        for (var d = 0; d < count; d++)
            if (at[d] is { } positions) size += positions.Length * forms.WordsOf[d].Length;
        var buffer = ArrayPool<(int Position, int Word)>.Shared.Rent(size);
        var filled = 0;
        for (var d = 0; d < count; d++)
            if (at[d] is { } positions)
                foreach (var p in positions)
                    foreach (var w in forms.WordsOf[d]) buffer[filled++] = (p, w);
        at.Clear();
        ArrayPool<int[]?>.Shared.Return(rented);
        var proximity = BestWindow(buffer.AsSpan(0, filled), query.Words.Count);
        ArrayPool<(int Position, int Word)>.Shared.Return(buffer);
        return new PassageFeatures(lexical, covered / total, inHeading / total, proximity);
    }

    private static QueryForms Forms(BuiltQuery query)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordsOf = new List<List<int>>();
        var formOf = new int[query.Words.Count][];
        for (var w = 0; w < query.Words.Count; w++)
        {
            var wordForms = query.Words[w].Forms;
            formOf[w] = new int[wordForms.Count];
            for (var f = 0; f < wordForms.Count; f++)
            {
                var form = wordForms[f].Word;
                if (!index.TryGetValue(form, out var d))
                {
                    index[form] = d = wordsOf.Count;
                    wordsOf.Add([]);
                }
                formOf[w][f] = d;
                if (!wordsOf[d].Contains(w)) wordsOf[d].Add(w);
            }
        }
        var forms = index.Keys.ToArray();
        var lookup = new WordSet(forms);
        return new QueryForms(query.Words.Select(w => w.Forms[0].Similarity).ToArray(), forms, formOf,
            wordsOf.Select(l => l.ToArray()).ToArray(), Enumerable.Range(0, forms.Length).Select(lookup.HashAt).ToArray(), lookup);
    }

    /// <summary>Most distinct topic words inside any window of <see cref="ProximityWindow"/> words, as a share.</summary>
    private static double BestWindow(Span<(int Position, int Word)> positions, int words)
    {
        if (positions.Length == 0) return 0;
        // The most distinct words a window holds does not depend on the order of words at one position.
        positions.Sort(static (a, b) => a.Position.CompareTo(b.Position));
        var best = 0;
        // Occurrences in the window by word index, and how many words occur: the words are 0..words-1.
        Span<int> counts = words <= 256 ? stackalloc int[words] : new int[words];
        counts.Clear();
        var distinct = 0;
        var start = 0;
        for (var end = 0; end < positions.Length; end++)
        {
            if (counts[positions[end].Word]++ == 0) distinct++;
            while (positions[end].Position - positions[start].Position >= ProximityWindow)
                if (--counts[positions[start++].Word] == 0) distinct--;
            best = Math.Max(best, distinct);
        }
        return (double)best / words;
    }
}
