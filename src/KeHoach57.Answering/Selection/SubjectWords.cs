using System.Collections.Concurrent;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;

namespace KeHoach57.Answering.Selection;

// What SubjectMatch reads of texts and keeps between questions: its own types, kept apart so the matcher reads as its measures.

/// <summary>An abbreviation the question uses or spells out (or words for one thing, with no letters): its glossary key, its letters' words, each spelled-out form's words.</summary>
internal sealed record Abbreviation(string Key, HashSet<string> Letters, string[][] Spellings)
{
    public bool Covers(string term)
    {
        if (Letters.Contains(term)) return true;
        foreach (var s in Spellings)
            if (Array.IndexOf(s, term) >= 0) return true;
        return false;
    }

    /// <summary>
    /// How much of a spelled-out form a text says as a phrase: its words in order, a word or two apart at most.
    /// Scattered words do not count: "đánh giá" in one place and "chỉ đạo" in another is not "chỉ số đánh giá
    /// mức độ chuyển đổi số".
    /// </summary>
    public double SaidBy(TextWords text) => text.SaidBy.GetOrAdd(this, static (a, terms) => a.SaidBy(terms), text.Terms);

    private double SaidBy(List<string> terms) => Spellings.Max(spelled =>
    {
        var best = 0;
        for (var s = 0; s < terms.Count && best < spelled.Length; s++)
        {
            if (!Same(spelled, terms[s], out var j)) continue;
            var count = 1;
            for (var i = s + 1; i < Math.Min(terms.Count, s + spelled.Length + 2) && j + 1 < spelled.Length; i++)
                if (Same(spelled[(j + 1)..], terms[i], out var k)) { count++; j += 1 + k; }
            best = Math.Max(best, count);
        }
        return spelled.Length == 0 ? 0 : best / (double)spelled.Length;
    });

    private static bool Same(string[] spelled, string term, out int at)
    {
        for (at = 0; at < spelled.Length; at++)
            if (spelled[at] == term || OcrDistance.Between(spelled[at], term, 0.45) <= 0.45) return true;
        return false;
    }
}

/// <summary>What the matcher reads of a text: its topic words in order, as a set, its adjacent pairs and glossary keys.</summary>
internal sealed class TextWords
{
    public required List<Token> Tokens { get; init; }
    public required List<string> Terms { get; init; }
    public required HashSet<string> Set { get; init; }
    public required HashSet<(string, string)> Pairs { get; init; }
    public required HashSet<string> Keys { get; init; }

    /// <summary>How much of each abbreviation's spelled-out forms the text says (<see cref="Abbreviation.SaidBy(TextWords)"/>), once per text.</summary>
    public ConcurrentDictionary<Abbreviation, double> SaidBy => _saidBy ?? Interlocked.CompareExchange(ref _saidBy, new(ReferenceEqualityComparer.Instance), null) ?? _saidBy;

    private ConcurrentDictionary<Abbreviation, double>? _saidBy;

    /// <summary>
    /// <see cref="Set"/> with each word's hash kept and <see cref="Pairs"/> by the words' indexes in it: a question's forms
    /// carry their hashes, so a text is asked for them without hashing each again. Made at the first question, once the
    /// text is read (and read back) whole: the sets do not change after.
    /// </summary>
    public IndexedWords Indexed => _indexed ?? (_indexed = Index());

    // A reference, swapped whole: threads that both make it make the same.
    private IndexedWords? _indexed;

    private IndexedWords Index()
    {
        var words = new WordSet(Set.ToArray());
        var pairs = new HashSet<long>();
        foreach (var (a, b) in Pairs)
            if (words.IndexOf(a, WordSet.Hash(a)) is var i and >= 0 && words.IndexOf(b, WordSet.Hash(b)) is var j and >= 0) pairs.Add(PairKey(i, j));
        return new IndexedWords(words, pairs);
    }

    public static long PairKey(int first, int next) => ((long)first << 32) | (uint)next;
}

/// <summary>A text's words with their hashes, and its adjacent pairs by the words' indexes (<see cref="TextWords.PairKey"/>).</summary>
internal sealed record IndexedWords(WordSet Words, HashSet<long> Pairs);

/// <summary>
/// What the matcher keeps of a clause, read once: its words, the parts <see cref="SubjectMatch.Of(KeHoach57.Answering.Clauses.Clause, KeHoach57.Answering.Understanding.QuestionFacts)"/> and
/// <see cref="SubjectMatch.OfClauseAlone"/> measure (arrays made once, not at every call), and the anchors of the last question measured.
/// </summary>
internal sealed class ClauseWords(TextWords words, TextWords context, (HashSet<string> Words, HashSet<string> Keys)? title)
{
    public TextWords[] Alone { get; } = [words];
    public TextWords[] WithContext { get; } = [words, context];
    public (HashSet<string> Words, HashSet<string> Keys)? Title { get; } = title;

    /// <summary>Where each word stands in the clause (token indexes, ascending, by the word's index in the set), for finding
    /// a question's anchors by lookup of forms whose hashes the question keeps.</summary>
    public (WordSet Words, List<int>[] At) At(List<Token> tokens)
    {
        if (_at is { } known) return (known.Words, known.At);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var at = new List<List<int>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!index.TryGetValue(tokens[i].Term, out var k))
            {
                index[tokens[i].Term] = k = at.Count;
                at.Add([]);
            }
            at[k].Add(i);
        }
        var made = new TermsAt(new WordSet(index.Keys.ToArray()), at.ToArray());
        _at = made;
        return (made.Words, made.At);
    }

    private sealed record TermsAt(WordSet Words, List<int>[] At);

    private TermsAt? _at;

    // One slot, swapped whole (no lock): clause selection and FactAsk.Focus ask for the same question's anchors in turn.
    // Keyed by the question's stamp, not the question itself, so a clause keeps no old question alive.
    public volatile AnchorsOf? Anchors;
}

/// <summary>Where a question's subject stands in a clause, for the question of <paramref name="Stamp"/>.</summary>
internal sealed record AnchorsOf(long Stamp, List<(int Position, double Weight)> Positions);

/// <summary>What the matcher weighs of a question, worked out once per question rather than once per text it is measured against.</summary>
/// <param name="Words">Each subject word's weight, idf and forms.</param>
/// <param name="Forms">Every form of <paramref name="Words"/> once, by index in <paramref name="FormWords"/>.</param>
/// <param name="FormWords">For each form, the words (index in <paramref name="Words"/>) it is a form of, and how close.</param>
/// <param name="Phrases">Adjacent subject words, with their forms' hashes.</param>
internal sealed record QuerySubject(
    (double Weight, double Idf, IReadOnlyList<(string Word, double Similarity)> Forms)[] Words,
    WordSet Forms,
    (int Word, double Similarity)[][] FormWords,
    (Abbreviation Abbreviation, double Idf, double Weight)[] Abbreviations,
    (QueryWord First, int[] FirstHashes, QueryWord Next, int[] NextHashes)[] Phrases,
    HashSet<string> Bigrams,
    (string Term, double Idf, string[] Forms, int[] Hashes)[] Anchors,
    (Abbreviation Said, HashSet<string> Words)[] Synonyms)
{
    /// <summary>Tells this question's subject from every other one's, for what a clause keeps of the last question measured.</summary>
    public long Stamp { get; } = Interlocked.Increment(ref _stamps);

    private static long _stamps;
}

/// <summary>Whether texts a clause is read as say a subject word, a phrase, or one thing in other words.</summary>
internal static class Said
{
    /// <summary>
    /// Raises each subject word's entry of <paramref name="best"/> to the closest of its forms the texts or the title say.
    /// Each text is walked from the smaller side: its words looked up among the forms, or the forms among its words.
    /// </summary>
    internal static void Forms(QuerySubject subject, TextWords[] parts, (HashSet<string> Words, HashSet<string> Keys)? title, Span<double> best)
    {
        var forms = subject.Forms;
        foreach (var p in parts)
        {
            var words = p.Indexed.Words;
            if (words.Count <= forms.Count)
            {
                for (var k = 0; k < words.Count; k++)
                    if (forms.IndexOf(words[k], words.HashAt(k)) is var d and >= 0) Raise(subject.FormWords[d], best);
            }
            else
                for (var d = 0; d < forms.Count; d++)
                    if (words.IndexOf(forms[d], forms.HashAt(d)) >= 0) Raise(subject.FormWords[d], best);
        }
        if (title is { } t)
            foreach (var word in t.Words)
                if (forms.IndexOf(word, WordSet.Hash(word)) is var d and >= 0) Raise(subject.FormWords[d], best);
    }

    private static void Raise((int Word, double Similarity)[] formWords, Span<double> best)
    {
        foreach (var (w, similarity) in formWords)
            if (similarity > best[w]) best[w] = similarity;
    }

    /// <summary>Whether the question says all of <paramref name="terms"/> in one of its words that the text says in another way.</summary>
    internal static bool Otherwise(QuerySubject subject, TextWords[] parts, params ReadOnlySpan<string> terms)
    {
        foreach (var (said, words) in subject.Synonyms)
        {
            var all = true;
            foreach (var t in terms) all &= words.Contains(t);
            if (!all) continue;
            // Said in the other words exactly (the glossary key) or in an OCR spelling of them, as a phrase.
            foreach (var p in parts)
                if (p.Keys.Contains(said.Key) || said.SaidBy(p) >= 1) return true;
        }
        return false;
    }

    internal static bool Phrase(TextWords[] parts, QueryWord first, int[] firstHashes, QueryWord next, int[] nextHashes)
    {
        // A text's pairs are made of its words: only forms it holds can make one.
        // Indexed, not foreach: Forms is an interface, and its enumerator would be boxed for every part and form.
        var firstForms = first.Forms;
        var nextForms = next.Forms;
        foreach (var p in parts)
        {
            var (words, pairs) = p.Indexed;
            for (var i = 0; i < firstForms.Count; i++)
            {
                var a = words.IndexOf(firstForms[i].Word, firstHashes[i]);
                if (a < 0) continue;
                for (var j = 0; j < nextForms.Count; j++)
                {
                    var b = words.IndexOf(nextForms[j].Word, nextHashes[j]);
                    if (b >= 0 && pairs.Contains(TextWords.PairKey(a, b))) return true;
                }
            }
        }
        return false;
    }
}
