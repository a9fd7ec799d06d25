namespace KeHoach57.Core.Text.Restoration;

/// <summary>
/// Gathers the counts a <see cref="SyllableModel"/> is made of: syllables of word lists (presence),
/// dictionary words (each a run of syllables whose inner pairs count, "tội phạm", "lừa đảo") and clean
/// running text (counts and adjacent pairs, clause by clause, read as restoration reads it). What the
/// corpus's own clean text adds (<see cref="AddCorpusTexts"/>) is also kept apart, so that the held-out
/// measurement can start from the model without it (<see cref="SyllableModel.WithoutCorpus"/>) and add
/// only the half of the clean plan it trains on.
/// </summary>
public sealed class SyllableModelBuilder
{
    private readonly VietnameseAnalyzer _analyzer;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> _pairs = new();
    private readonly Dictionary<string, int> _corpusCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> _corpusPairs = new();
    private readonly Dictionary<(string, string, string), int> _triples = new();
    private readonly Dictionary<(string, string, string), int> _corpusTriples = new();

    /// <param name="corpusWeight">How many times each syllable and pair of the corpus's own text counts (<see cref="AddCorpusTexts"/>).</param>
    public SyllableModelBuilder(VietnameseAnalyzer analyzer, int corpusWeight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(corpusWeight, 1);
        _analyzer = analyzer;
        CorpusWeight = corpusWeight;
    }

    /// <summary>
    /// The corpus's text is the plans' own register ("cấp xã", "chuyển đổi số"); a general dictionary
    /// outweighs it by far in syllables ("xa" is far more often "xa" than "xã" there), so each of its
    /// counts counts this many times.
    /// </summary>
    public int CorpusWeight { get; }

    /// <summary>A builder holding <paramref name="model"/>'s counts (and corpus weight), to add or remove text.</summary>
    public static SyllableModelBuilder From(SyllableModel model, VietnameseAnalyzer analyzer)
    {
        var builder = new SyllableModelBuilder(analyzer, model.CorpusWeight);
        model.CopyTo(builder._counts, builder._listed, builder._pairs, builder._corpusCounts, builder._corpusPairs, builder._triples, builder._corpusTriples);
        return builder;
    }

    /// <summary>Syllables of a word list, one per entry ("quyết"): in the lexicon even when no text uses them.</summary>
    public SyllableModelBuilder AddSyllables(IEnumerable<string> syllables)
    {
        foreach (var raw in syllables)
        {
            var w = VietnameseText.NormalizeTonePlacement(VietnameseText.Normalize(raw).Trim().ToLowerInvariant());
            if (w.Length is 0 or > 8 || !w.All(char.IsLetter)) continue;
            _listed.Add(w);
            _counts.TryAdd(w, 0);
        }
        return this;
    }

    /// <summary>
    /// Dictionary words ("tội phạm", "vật liệu mới"): each syllable counts once and is listed, each pair
    /// (and run of three) inside a word counts once; no sentence boundaries, since a word is no sentence. A part that is
    /// no Vietnamese syllable ("a-đrê-na-lin", "acid") joins no pair.
    /// </summary>
    public SyllableModelBuilder AddWords(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            string? before = null, previous = null;
            foreach (var unit in SyllableReader.Read(word, _analyzer))
            {
                var syllable = unit.Kind == UnitKind.Word ? Syllable(word, unit) : null;
                if (syllable is null || !VietnameseSyllables.IsSyllable(syllable))
                {
                    before = previous = null;
                    continue;
                }
                _listed.Add(syllable);
                AddCount(syllable, corpus: false);
                if (previous is not null) AddPair(previous, syllable, corpus: false);
                if (before is not null) AddTriple(before, previous!, syllable, corpus: false);
                before = previous;
                previous = syllable;
            }
        }
        return this;
    }

    /// <summary>
    /// Clean running texts, each read into clauses: counts of every syllable and of each adjacent pair,
    /// with the clause's start and end. Numbers are <see cref="SyllableModel.Number"/>, acronyms
    /// <see cref="SyllableModel.Abbreviation"/>; with <paramref name="foreignAsAbbreviation"/> so is any
    /// word that is no Vietnamese syllable ("logic", a typo), for text whose every word should not
    /// become a reading restoration may choose.
    /// </summary>
    public SyllableModelBuilder AddTexts(IEnumerable<string> texts, bool foreignAsAbbreviation = false)
    {
        foreach (var text in texts) Count(text, foreignAsAbbreviation, corpus: false);
        return this;
    }

    /// <summary>Clean text of the corpus itself (the clean plan, the glossary, the plans' titles): as <see cref="AddTexts"/>, and kept apart.</summary>
    public SyllableModelBuilder AddCorpusTexts(IEnumerable<string> texts)
    {
        foreach (var text in texts) Count(text, foreignAsAbbreviation: false, corpus: true);
        return this;
    }

    /// <summary>Takes away what <see cref="AddCorpusTexts"/> added, and the syllables only that text used.</summary>
    public SyllableModelBuilder RemoveCorpus()
    {
        foreach (var (pair, n) in _corpusPairs)
            if ((_pairs[pair] -= n) == 0) _pairs.Remove(pair);
        foreach (var (triple, n) in _corpusTriples)
            if ((_triples[triple] -= n) == 0) _triples.Remove(triple);
        _corpusTriples.Clear();
        foreach (var (word, n) in _corpusCounts)
            if ((_counts[word] -= n) == 0 && !_listed.Contains(word) && !IsSpecial(word)) _counts.Remove(word);
        _corpusPairs.Clear();
        _corpusCounts.Clear();
        return this;
    }

    /// <summary>
    /// Drops the pairs seen fewer than <paramref name="minCount"/> times and the triples seen fewer than
    /// <paramref name="minTripleCount"/> times (the long tail that makes the file large); the corpus's own stay.
    /// </summary>
    public SyllableModelBuilder PrunePairs(int minCount, int minTripleCount = int.MaxValue)
    {
        foreach (var (pair, n) in _pairs.ToList())
            if (n < minCount && !_corpusPairs.ContainsKey(pair)) _pairs.Remove(pair);
        foreach (var (triple, n) in _triples.ToList())
            if (n < minTripleCount && !_corpusTriples.ContainsKey(triple)) _triples.Remove(triple);
        return this;
    }

    public SyllableModel Build()
    {
        foreach (var special in new[] { SyllableModel.SentenceStart, SyllableModel.SentenceEnd, SyllableModel.Number, SyllableModel.Abbreviation })
            _counts.TryAdd(special, 0);
        var words = _counts.Keys.OrderBy(w => w, StringComparer.Ordinal).ToArray();
        var ids = words.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        return SyllableModel.Create(words, words.Select(w => _counts[w]).ToArray(), words.Select(_listed.Contains).ToArray(), Pairs(_pairs),
            words.Select(w => _corpusCounts.GetValueOrDefault(w)).ToArray(), Pairs(_corpusPairs), Triples(_triples), Triples(_corpusTriples), CorpusWeight);

        Dictionary<(int, int), int> Pairs(Dictionary<(string, string), int> pairs) =>
            pairs.ToDictionary(p => (ids[p.Key.Item1], ids[p.Key.Item2]), p => p.Value);
        Dictionary<(int, int, int), int> Triples(Dictionary<(string, string, string), int> triples) =>
            triples.ToDictionary(p => (ids[p.Key.Item1], ids[p.Key.Item2], ids[p.Key.Item3]), p => p.Value);
    }

    private void Count(string text, bool foreignAsAbbreviation, bool corpus)
    {
        string? before = null;
        var previous = SyllableModel.SentenceStart;
        foreach (var unit in SyllableReader.Read(text, _analyzer))
        {
            if (unit.BreakBefore && previous != SyllableModel.SentenceStart)
            {
                End();
                before = null;
                previous = SyllableModel.SentenceStart;
            }
            var word = unit.Kind switch
            {
                UnitKind.Number => SyllableModel.Number,
                UnitKind.Abbreviation => SyllableModel.Abbreviation,
                _ => Syllable(text, unit),
            };
            if (unit.Kind == UnitKind.Word && (!word.All(char.IsLetter) || (foreignAsAbbreviation && !VietnameseSyllables.IsSyllable(word))))
                word = SyllableModel.Abbreviation;
            AddCount(word, corpus);
            AddPair(previous, word, corpus);
            if (before is not null) AddTriple(before, previous, word, corpus);
            before = previous;
            previous = word;
        }
        if (previous != SyllableModel.SentenceStart) End();

        void End()
        {
            AddPair(previous, SyllableModel.SentenceEnd, corpus);
            if (before is not null) AddTriple(before, previous, SyllableModel.SentenceEnd, corpus);
        }
    }

    private void AddTriple(string a, string b, string c, bool corpus)
    {
        var n = corpus ? CorpusWeight : 1;
        _triples[(a, b, c)] = _triples.GetValueOrDefault((a, b, c)) + n;
        if (corpus) _corpusTriples[(a, b, c)] = _corpusTriples.GetValueOrDefault((a, b, c)) + n;
    }

    private static string Syllable(string text, SyllableUnit unit) =>
        VietnameseText.NormalizeTonePlacement(text[unit.Start..unit.End].ToLowerInvariant());

    private void AddCount(string word, bool corpus)
    {
        var n = corpus ? CorpusWeight : 1;
        _counts[word] = _counts.GetValueOrDefault(word) + n;
        if (corpus) _corpusCounts[word] = _corpusCounts.GetValueOrDefault(word) + n;
    }

    private void AddPair(string a, string b, bool corpus)
    {
        var n = corpus ? CorpusWeight : 1;
        _pairs[(a, b)] = _pairs.GetValueOrDefault((a, b)) + n;
        if (corpus) _corpusPairs[(a, b)] = _corpusPairs.GetValueOrDefault((a, b)) + n;
        if (b == SyllableModel.SentenceEnd) AddCount(b, corpus);
    }

    private static bool IsSpecial(string word) => word is SyllableModel.SentenceStart or SyllableModel.SentenceEnd or SyllableModel.Number or SyllableModel.Abbreviation;
}
