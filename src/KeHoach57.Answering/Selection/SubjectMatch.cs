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
/// "KH&amp;CN" in the question is covered by "khoa học và công nghệ" in the clause, even in the broken font.
/// A plan's title says what every passage of it carries out ("… Nghị quyết số 57-NQ/TW"), so its document
/// numbers count as said by each of its clauses.
/// </summary>
public sealed partial class SubjectMatch(VietnameseAnalyzer analyzer, Vocabulary vocabulary, Corpus corpus)
{
    [GeneratedRegex(@"\b(\d+)\s*[-/]\s*[A-ZĐ]")]
    private static partial Regex TitleNumber();

    private readonly ConcurrentDictionary<string, (HashSet<string> Words, HashSet<string> Keys)?> _titles = new();
    private readonly ConditionalWeakTable<BuiltQuery, List<Abbreviation>> _abbreviations = new();

    /// <summary>An abbreviation the question uses or spells out: its glossary key, its letters' words, each spelled-out form's words.</summary>
    private sealed record Abbreviation(string Key, HashSet<string> Letters, string[][] Spellings)
    {
        public bool Covers(string term) => Letters.Contains(term) || Spellings.Any(s => s.Contains(term));

        /// <summary>
        /// How much of a spelled-out form a text says as a phrase: its words in order, a word or two apart at most.
        /// Scattered words do not count: "đánh giá" in one place and "chỉ đạo" in another is not "chỉ số đánh giá
        /// mức độ chuyển đổi số".
        /// </summary>
        public double SaidBy(List<string> terms) => Spellings.Max(spelled =>
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
    private sealed class TextWords
    {
        public required List<Token> Tokens { get; init; }
        public required List<string> Terms { get; init; }
        public required HashSet<string> Set { get; init; }
        public required HashSet<(string, string)> Pairs { get; init; }
        public required HashSet<string> Keys { get; init; }
    }

    private readonly ConcurrentDictionary<string, TextWords> _contexts = new();

    private TextWords Read(string text, List<Token>? tokens = null)
    {
        tokens ??= analyzer.Tokenize(text);
        var terms = StopWords.Content(tokens.Select(t => t.Term).ToList());
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < terms.Count; i++) pairs.Add((terms[i], terms[i + 1]));
        return new TextWords { Tokens = tokens, Terms = terms, Set = terms.ToHashSet(), Pairs = pairs, Keys = analyzer.GlossaryTerms(text, tokens).ToHashSet() };
    }

    private TextWords Words(Clause clause) => (TextWords)(clause.Words ??= Read(clause.Text, clause.Tokens(analyzer)));

    private TextWords Context(Clause clause) => _contexts.GetOrAdd(clause.Chunk.Id + (clause.IsRow ? "#row" : ""), _ => Read(clause.Context));

    /// <summary>The subject said by a clause with what it sits under (its section's headings, its table's header) and its plan's title.</summary>
    public Coverage Of(Clause clause, QuestionFacts question) =>
        Measure(question, [Words(clause), Context(clause)], Title(clause.Chunk.DocId));

    /// <summary>The subject said within [<paramref name="from"/>, <paramref name="to"/>) of a clause: a value's own part of it.</summary>
    public Coverage Within(Clause clause, int from, int to, QuestionFacts question)
    {
        var tokens = clause.Tokens(analyzer).Where(t => t.Start >= from && t.End <= to).ToList();
        return Measure(question, [Read(clause.Text[from..to], tokens.Select(t => t with { Start = t.Start - from }).ToList())], null);
    }

    /// <summary>The subject said by any text (with the plan's title when <paramref name="docId"/> is given).</summary>
    public Coverage Of(string text, QuestionFacts question, string? docId = null) =>
        Measure(question, [Read(text)], docId is null ? null : Title(docId));

    private Coverage Measure(QuestionFacts question, TextWords[] parts, (HashSet<string> Words, HashSet<string> Keys)? title)
    {
        var query = question.Query;
        if (query.Words.Count == 0) return new Coverage(0, 0);
        bool Has(string w) => parts.Any(p => p.Set.Contains(w)) || title is { } t && t.Words.Contains(w);
        var abbreviations = Abbreviations(query);
        double total = 0, covered = 0, missing = 0;
        foreach (var w in query.Words)
        {
            if (abbreviations.Any(a => a.Covers(w.Term))) continue;
            var idf = vocabulary.Idf(w.Term);
            var weight = w.Forms[0].Similarity * idf;
            total += weight;
            var found = 0.0;
            foreach (var f in w.Forms)
                if (f.Similarity > found && Has(f.Word)) found = f.Similarity;
            covered += weight * found;
            if (found == 0 && w.Forms[0].Similarity >= 1) missing = Math.Max(missing, idf);
        }
        foreach (var a in abbreviations)
        {
            var idf = query.Words.Where(w => a.Covers(w.Term)).Select(w => vocabulary.Idf(w.Term)).DefaultIfEmpty(0).Max();
            var weight = query.Words.Where(w => a.Covers(w.Term)).Sum(w => w.Forms[0].Similarity * vocabulary.Idf(w.Term));
            total += weight;
            var keyed = parts.Any(p => p.Keys.Contains(a.Key)) || title is { } t && t.Keys.Contains(a.Key);
            var share = keyed ? 1 : parts.Max(p => a.SaidBy(p.Terms));
            covered += weight * share;
            if (share < 0.5) missing = Math.Max(missing, idf);
        }
        int phrases = 0, phrasesFound = 0;
        for (var i = 0; i + 1 < query.Words.Count; i++)
        {
            if (query.Words[i].Forms[0].Similarity < 1 || query.Words[i + 1].Forms[0].Similarity < 1) continue;
            if (abbreviations.Any(a => a.Covers(query.Words[i].Term) || a.Covers(query.Words[i + 1].Term))) continue;
            phrases++;
            var next = query.Words[i + 1];
            if (query.Words[i].Forms.Any(a => next.Forms.Any(b => parts.Any(p => p.Pairs.Contains((a.Word, b.Word)))))) phrasesFound++;
        }
        var wordShare = total == 0 ? 0 : covered / total;
        return new Coverage(phrases == 0 ? wordShare : 0.6 * wordShare + 0.4 * phrasesFound / phrases, missing);
    }

    /// <summary>Where the subject's words stand in a clause, each weighted (rarer in the clause and inside a phrase weigh more).</summary>
    public List<(int Position, double Weight)> Anchors(Clause clause, QuestionFacts question)
    {
        var query = question.Query;
        var tokens = clause.Tokens(analyzer);
        var anchors = new List<(int, double)>();
        var bigrams = query.Terms.Select(t => t.Term).Where(t => t.Contains('_')).ToHashSet();
        foreach (var w in query.Words)
        {
            var forms = w.Forms.Select(f => f.Word).ToHashSet();
            var at = new List<int>();
            for (var i = 0; i < tokens.Count; i++) if (forms.Contains(tokens[i].Term)) at.Add(i);
            foreach (var i in at)
            {
                // A word that occurs once in the clause pins the answer down better than a repeated one.
                var weight = vocabulary.Idf(w.Term) / at.Count;
                if (i + 1 < tokens.Count && bigrams.Contains(VietnameseAnalyzer.Bigram(tokens[i].Term, tokens[i + 1].Term))) weight *= 2;
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

    private List<Abbreviation> Abbreviations(BuiltQuery query) => _abbreviations.GetValue(query, q =>
    {
        var keys = q.Specials.Where(s => s.StartsWith('#')).ToHashSet();
        var found = analyzer.Glossary.Entries.Where(e => keys.Contains(e.Key))
            .Select(e => new Abbreviation(e.Key,
                e.Abbreviations.SelectMany(a => analyzer.Tokenize(a)).Select(t => t.Term).ToHashSet(),
                e.Expansions.Select(x => StopWords.Content(analyzer.Tokenize(x).Select(t => t.Term).ToList()).ToArray())
                    .Where(x => x.Length > 0).DefaultIfEmpty([]).ToArray()))
            .ToList();
        // "KH&CN" also reads as "KH" (kế hoạch): the longer abbreviation is the one meant.
        found.RemoveAll(a => found.Any(b => b != a && b.Letters.Count > a.Letters.Count && a.Letters.IsSubsetOf(b.Letters)));
        return found;
    });
}
