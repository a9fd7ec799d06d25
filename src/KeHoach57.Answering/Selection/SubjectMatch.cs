using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;

namespace KeHoach57.Answering.Selection;

/// <summary>How much of the question's subject a text says, and the subject word it most lacks.</summary>
/// <param name="Share">IDF-weighted share of subject words (any OCR spelling) and two-word phrases the text holds, 0–1.</param>
/// <param name="MissingIdf">How telling the most telling subject word the text lacks is (0 when it lacks none).</param>
public readonly record struct Coverage(double Share, double MissingIdf);

/// <summary>
/// Measures how well a text says what the question is about: its subject words in any OCR spelling,
/// weighted by how telling they are, and its two-word phrases (so "mức lương cơ sở" is not matched by
/// "chất lượng" and "cơ sở"). An abbreviation and its spelled-out form count as one thing said either way:
/// "KH&amp;CN" in the question is covered by "khoa học và công nghệ" in the clause, even in the broken font. Words the
/// glossary gives as one thing said two ways count as said by the other: "áp dụng vào thực tế" by "ứng dụng vào thực tiễn".
/// A plan's title says what every passage of it carries out ("… Nghị quyết số 57-NQ/TW"), so its document
/// numbers count as said by each of its clauses.
/// </summary>
public sealed partial class SubjectMatch(VietnameseAnalyzer analyzer, Vocabulary vocabulary, Corpus corpus, Composition.AnswerText display)
{
    [GeneratedRegex(@"\b(\d+)\s*[-/]\s*[A-ZĐ]")]
    private static partial Regex TitleNumber();

    private readonly ConcurrentDictionary<string, (HashSet<string> Words, HashSet<string> Keys)?> _titles = new();
    private readonly ConditionalWeakTable<BuiltQuery, QuerySubject> _subjects = new();
    // An abbreviation's words depend on its glossary entry only: built once, so what a text says of it can be kept with the text.
    private readonly ConcurrentDictionary<GlossaryEntry, Abbreviation> _byEntry = new(ReferenceEqualityComparer.Instance);
    // A clause's parts read by Within, by (from, to): the same few stretches are read for every question.
    private readonly ConditionalWeakTable<Clause, ConcurrentDictionary<(int, int), TextWords>> _within = new();

    private readonly ConcurrentDictionary<string, TextWords> _contexts = new();
    // Texts measured by Of(string), by their text: a citation's scope (section, context and best clause of a passage) is the
    // same for every question that cites it, and reading it again tokenized it and built its sets at every answer.
    private readonly ConcurrentDictionary<string, TextWords> _texts = new(StringComparer.Ordinal);
    // Past it the table starts over, as a large corpus would otherwise keep every scope it ever cited.
    private const int MaxKeptTexts = 20_000;

    private TextWords Read(string text, List<Token>? tokens = null)
    {
        tokens ??= analyzer.Tokenize(text);
        var terms = StopWords.Content(tokens.Select(t => t.Term).ToList());
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < terms.Count; i++) pairs.Add((terms[i], terms[i + 1]));
        return new TextWords { Tokens = tokens, Terms = terms, Set = terms.ToHashSet(), Pairs = pairs, Keys = analyzer.GlossaryTerms(text, tokens).ToHashSet() };
    }

    private ClauseWords Words(Clause clause) =>
        (ClauseWords)(clause.Words ??= new ClauseWords(ReadBack(Read(clause.Text, clause.Tokens(analyzer)), clause.Text, clause.Chunk.DocId),
            Context(clause), Title(clause.Chunk.DocId)));

    /// <summary>
    /// A text of a plan whose OCR lost letters says, besides its own words, those its reading back into Vietnamese gives
    /// ("b trI nhân s1,r" says "bố trí nhân sự"): the subject is looked for in both. Positions stay the source's own.
    /// </summary>
    private TextWords ReadBack(TextWords words, string text, string docId)
    {
        if (display.Reading(text, docId) is not { } restored) return words;
        var back = Read(restored);
        words.Set.UnionWith(back.Set);
        words.Pairs.UnionWith(back.Pairs);
        words.Keys.UnionWith(back.Keys);
        return words;
    }

    // Static factories given their state here and in Within: a lambda closing over the clause was a delegate and a closure per call.
    private TextWords Context(Clause clause) =>
        _contexts.GetOrAdd(clause.Chunk.Id + (clause.IsRow ? "#row" : ""), static (_, state) =>
            state.Match.ReadBack(state.Match.Read(state.Clause.Context), state.Clause.Context, state.Clause.Chunk.DocId), (Match: this, Clause: clause));

    /// <summary>The subject said by a clause with what it sits under (its section's headings, its table's header) and its plan's title.</summary>
    public Coverage Of(Clause clause, QuestionFacts question)
    {
        var words = Words(clause);
        return Measure(question, words.WithContext, words.Title);
    }

    /// <summary>The subject said within [<paramref name="from"/>, <paramref name="to"/>) of a clause: a value's own part of it.</summary>
    public Coverage Within(Clause clause, int from, int to, QuestionFacts question)
    {
        var parts = _within.GetValue(clause, static _ => new());
        var words = parts.GetOrAdd((from, to), static (range, state) => state.Match.ReadPart(state.Clause, range.Item1, range.Item2), (Match: this, Clause: clause));
        return Measure(question, [words], null);
    }

    private TextWords ReadPart(Clause clause, int from, int to)
    {
        var tokens = new List<Token>();
        foreach (var t in clause.Tokens(analyzer))
            if (t.Start >= from && t.End <= to) tokens.Add(t with { Start = t.Start - from });
        return Read(clause.Text[from..to], tokens);
    }

    /// <summary>The subject said by the clause alone, without its headings or its plan's title.</summary>
    public Coverage OfClauseAlone(Clause clause, QuestionFacts question) => Measure(question, Words(clause).Alone, null);

    /// <summary>The subject said by any text (with the plan's title when <paramref name="docId"/> is given).</summary>
    public Coverage Of(string text, QuestionFacts question, string? docId = null)
    {
        if (!_texts.TryGetValue(text, out var words))
        {
            if (_texts.Count >= MaxKeptTexts) _texts.Clear();
            words = _texts.GetOrAdd(text, static (t, match) => match.Read(t), this);
        }
        return Measure(question, [words], docId is null ? null : Title(docId));
    }

    private Coverage Measure(QuestionFacts question, TextWords[] parts, (HashSet<string> Words, HashSet<string> Keys)? title)
    {
        var query = question.Query;
        if (query.Words.Count == 0) return new Coverage(0, 0);
        var subject = Subject(query);
        double total = 0, covered = 0, missing = 0;
        // Each subject word's best form the texts say (or the title's numbers), found in one pass over the forms said.
        var best = subject.Words.Length <= 64 ? stackalloc double[subject.Words.Length] : new double[subject.Words.Length];
        best.Clear();
        Said.Forms(subject, parts, title, best);
        for (var i = 0; i < subject.Words.Length; i++)
        {
            var w = subject.Words[i];
            total += w.Weight;
            var found = best[i];
            if (found < 1 && Said.Otherwise(subject, parts, w.Forms[0].Word)) found = 1;
            if (found == 0 && question.Optional.Contains(w.Forms[0].Word))
            {
                total -= w.Weight;
                continue;
            }
            covered += w.Weight * found;
            if (found == 0 && w.Forms[0].Similarity >= 1) missing = Math.Max(missing, w.Idf);
        }
        foreach (var (a, idf, weight) in subject.Abbreviations)
        {
            total += weight;
            var keyed = title is { } t && t.Keys.Contains(a.Key);
            foreach (var p in parts) keyed |= p.Keys.Contains(a.Key);
            double share;
            if (keyed) share = 1;
            else
            {
                share = a.SaidBy(parts[0]);
                for (var k = 1; k < parts.Length; k++) share = Math.Max(share, a.SaidBy(parts[k]));
            }
            covered += weight * share;
            if (share < 0.5) missing = Math.Max(missing, idf);
        }
        var phrasesFound = 0;
        var phrases = subject.Phrases.Length;
        foreach (var (first, firstHashes, next, nextHashes) in subject.Phrases)
        {
            if (Said.Phrase(parts, first, firstHashes, next, nextHashes) || Said.Otherwise(subject, parts, first.Term, next.Term)) phrasesFound++;
            // A phrase with an optional word ("tỷ lệ người") is not missed by a clause that leaves the word out.
            else if (question.Optional.Count > 0 && (question.Optional.Contains(first.Term) || question.Optional.Contains(next.Term))) phrases--;
        }
        var wordShare = total == 0 ? 0 : covered / total;
        return new Coverage(phrases == 0 ? wordShare : 0.6 * wordShare + 0.4 * phrasesFound / phrases, missing);
    }

    /// <summary>The subject last worked out, with its query: a question measures clause after clause, and a reference
    /// comparison is cheaper than the table's lookup at each. Swapped whole, so threads asking in turn need no lock.</summary>
    private sealed record LastSubject(BuiltQuery Query, QuerySubject Subject);

    private volatile LastSubject? _last;

    private QuerySubject Subject(BuiltQuery query)
    {
        if (_last is { } last && ReferenceEquals(last.Query, query)) return last.Subject;
        var subject = SubjectOf(query);
        _last = new LastSubject(query, subject);
        return subject;
    }

    // Looked up first: GetValue's factory closes over this matcher, a delegate per call on a path taken per clause.
    private QuerySubject SubjectOf(BuiltQuery query) => _subjects.TryGetValue(query, out var known) ? known : _subjects.GetValue(query, q =>
    {
        var glossed = Glossed(q);
        var abbreviations = Abbreviations(glossed);
        bool Abbreviated(string term) => abbreviations.Any(a => a.Covers(term));
        var words = q.Words.Where(w => !Abbreviated(w.Term))
            .Select(w => (w.Forms[0].Similarity * vocabulary.Idf(w.Term), vocabulary.Idf(w.Term), w.Forms)).ToArray();
        // Every form of the subject words once, with the words it is a form of and how close.
        var formIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var formWords = new List<List<(int, double)>>();
        for (var i = 0; i < words.Length; i++)
            foreach (var (form, similarity) in words[i].Forms)
            {
                if (!formIndex.TryGetValue(form, out var d))
                {
                    formIndex[form] = d = formWords.Count;
                    formWords.Add([]);
                }
                formWords[d].Add((i, similarity));
            }
        var spelled = abbreviations.Select(a => (a,
            q.Words.Where(w => a.Covers(w.Term)).Select(w => vocabulary.Idf(w.Term)).DefaultIfEmpty(0).Max(),
            q.Words.Where(w => a.Covers(w.Term)).Sum(w => w.Forms[0].Similarity * vocabulary.Idf(w.Term)))).ToArray();
        var phrases = new List<(QueryWord, int[], QueryWord, int[])>();
        for (var i = 0; i + 1 < q.Words.Count; i++)
        {
            if (q.Words[i].Forms[0].Similarity < 1 || q.Words[i + 1].Forms[0].Similarity < 1) continue;
            if (Abbreviated(q.Words[i].Term) || Abbreviated(q.Words[i + 1].Term)) continue;
            phrases.Add((q.Words[i], Hashes(q.Words[i]), q.Words[i + 1], Hashes(q.Words[i + 1])));
        }
        return new QuerySubject(words, new WordSet(formIndex.Keys.ToArray()), formWords.Select(l => l.ToArray()).ToArray(), spelled, phrases.ToArray(),
            q.Terms.Select(t => t.Term).Where(t => t.Contains('_')).ToHashSet(),
            q.Words.Select(Anchor).ToArray(),
            Synonyms(q, glossed));
    });

    /// <summary>A subject word as <see cref="FindAnchors"/> looks for it: its idf and its distinct forms with their hashes.</summary>
    private (string Term, double Idf, string[] Forms, int[] Hashes) Anchor(QueryWord word)
    {
        var forms = word.Forms.Select(f => f.Word).Distinct(StringComparer.Ordinal).ToArray();
        return (word.Term, vocabulary.Idf(word.Term), forms, forms.Select(WordSet.Hash).ToArray());
    }

    private static int[] Hashes(QueryWord word) => word.Forms.Select(f => WordSet.Hash(f.Word)).ToArray();

    /// <summary>Where the subject's words stand in a clause, each weighted (rarer in the clause and inside a phrase weigh more).
    /// The list is shared: do not change it.</summary>
    /// <remarks>They depend on the clause and the question's query only. Kept in the clause for the last question that
    /// asked (clause selection and FactAsk.Focus both ask for those of a long clause): a slot read without a lock, where a
    /// table per question took one for every clause.</remarks>
    public List<(int Position, double Weight)> Anchors(Clause clause, QuestionFacts question)
    {
        var subject = Subject(question.Query);
        var words = Words(clause);
        if (words.Anchors is { } kept && kept.Stamp == subject.Stamp) return kept.Positions;
        var found = FindAnchors(clause, words, subject);
        words.Anchors = new AnchorsOf(subject.Stamp, found);
        return found;
    }

    private List<(int Position, double Weight)> FindAnchors(Clause clause, ClauseWords words, QuerySubject subject)
    {
        var tokens = clause.Tokens(analyzer);
        var (index, where) = words.At(tokens);
        var anchors = new List<(int, double)>();
        var bigrams = subject.Bigrams;
        var at = new List<int>();
        foreach (var (_, idf, forms, hashes) in subject.Anchors)
        {
            // The tokens holding one of the word's forms, in clause order: looked up by form in the clause's index (a token
            // has one term, so the forms' positions are disjoint) rather than every token tested against every form.
            at.Clear();
            for (var f = 0; f < forms.Length; f++)
                if (index.IndexOf(forms[f], hashes[f]) is var k and >= 0) at.AddRange(where[k]);
            at.Sort();
            foreach (var i in at)
            {
                // A word that occurs once in the clause pins the answer down better than a repeated one.
                var weight = idf / at.Count;
                if (i + 1 < tokens.Count && VietnameseAnalyzer.HasBigram(bigrams, tokens[i].Term, tokens[i + 1].Term)) weight *= 2;
                anchors.Add((tokens[i].Start, weight));
            }
        }
        return anchors;
    }

    private (HashSet<string> Words, HashSet<string> Keys)? Title(string docId) => _titles.GetOrAdd(docId, id =>
    {
        if (corpus.Find(id) is not { } doc) return null;
        // Only what names the documents it carries out ("57" of "57-NQ/TW", "NQ", "KH"), not its topic words:
        // those still have to be said by the clause that answers.
        var tokens = analyzer.Tokenize(doc.Info.Title);
        var numbers = TitleNumber().Matches(doc.Info.Title).Select(m => m.Groups[1].Value).ToHashSet();
        return (numbers, analyzer.GlossaryTerms(doc.Info.Title, tokens).Where(k => k.StartsWith('#')).ToHashSet());
    });

    private Abbreviation Entry(GlossaryEntry entry) => _byEntry.GetOrAdd(entry, e => new Abbreviation(e.Key,
        e.Abbreviations.SelectMany(a => analyzer.Tokenize(a)).Select(t => t.Term).ToHashSet(),
        e.Expansions.Select(x => StopWords.Content(analyzer.Tokenize(x).Select(t => t.Term).ToList()).ToArray())
            .Where(x => x.Length > 0).DefaultIfEmpty([]).ToArray()));

    /// <summary>
    /// The glossary's words for one thing (rows with no abbreviation) that the question says, each with the words it says it in:
    /// only those words, where they stand ("tiễn" of "thực tiễn" is not the "tiến" of "tiến độ").
    /// </summary>
    private (Abbreviation Said, HashSet<string> Words)[] Synonyms(BuiltQuery q, List<GlossaryEntry> glossed)
    {
        var entries = glossed.Where(e => e.Abbreviations.Count == 0).ToList();
        if (entries.Count == 0) return [];
        var terms = analyzer.Tokenize(q.Question).Select(t => t.Term).ToList();
        return entries.Select(e => (Entry(e), e.Expansions
                .Select(x => analyzer.Tokenize(x).Select(t => t.Term).ToList())
                .Where(form => Enumerable.Range(0, Math.Max(0, terms.Count - form.Count + 1)).Any(i => terms.Skip(i).Take(form.Count).SequenceEqual(form)))
                .SelectMany(form => form).ToHashSet()))
            .ToArray();
    }

    /// <summary>The glossary entries whose key the query holds: abbreviations it uses or spells out, words for one thing it says.</summary>
    private List<GlossaryEntry> Glossed(BuiltQuery q)
    {
        var keys = q.Specials.Where(s => s.StartsWith('#')).ToHashSet();
        return analyzer.Glossary.Entries.Where(e => keys.Contains(e.Key)).ToList();
    }

    private List<Abbreviation> Abbreviations(List<GlossaryEntry> glossed)
    {
        var found = glossed.Where(e => e.Abbreviations.Count > 0).Select(Entry).ToList();
        // "KH&CN" also reads as "KH" (kế hoạch): the longer abbreviation is the one meant.
        found.RemoveAll(a => found.Any(b => b != a && b.Letters.Count > a.Letters.Count && a.Letters.IsSubsetOf(b.Letters)));
        return found;
    }
}
