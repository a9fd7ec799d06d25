using KeHoach57.Core.Text;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Query;

/// <summary>A topic word of the question with the corpus spellings it may take (itself first, similarity 1).</summary>
public sealed record QueryWord(string Term, IReadOnlyList<(string Word, double Similarity)> Forms);

/// <summary>The question as the index sees it (weighted terms) and as the ranking features see it (topic words).</summary>
public sealed record BuiltQuery(string Question, IReadOnlyList<WeightedTerm> Terms, IReadOnlyList<QueryWord> Words, IReadOnlyList<string> Specials);

/// <summary>
/// Turns a question into weighted index terms: topic words weigh more than question words, phrases
/// (bigrams) more than single syllables, and each topic word also asks for its OCR-damaged spellings.
/// </summary>
public sealed class QueryBuilder(VietnameseAnalyzer analyzer, Vocabulary vocabulary, IOptions<RankingOptions> options)
{
    private const float StopWeight = 0.15f;
    private const float VariantWeight = 0.4f;
    private const float SpecialWeight = 1.5f;
    private const float ExpansionWeight = 0.5f;

    public BuiltQuery Build(string question)
    {
        var fuzzy = options.Value.OcrFuzzyMatch;
        var tokens = analyzer.Tokenize(question);
        var weights = new Dictionary<string, float>(64, StringComparer.Ordinal);
        void Add(string term, float weight)
        {
            if (weight > weights.GetValueOrDefault(term)) weights[term] = weight;
        }

        var words = new List<QueryWord>();
        var formsByPosition = new List<IReadOnlyList<(string Word, double Similarity)>>();
        foreach (var token in tokens)
        {
            var stop = StopWords.Contains(token.Term);
            Add(token.Term, stop ? StopWeight : 1f);
            var forms = new List<(string Word, double Similarity)> { (token.Term, 1.0) };
            if (fuzzy && !stop && !vocabularyHasOnlyExact(token.Term))
                forms.AddRange(vocabulary.Variants(token.Term));
            for (var f = 1; f < forms.Count; f++) Add(forms[f].Word, (float)(VariantWeight * forms[f].Similarity));
            formsByPosition.Add(forms);
            if (!stop && !HasWord(words, token.Term)) words.Add(new QueryWord(token.Term, forms));
        }

        if (analyzer.Options.Bigrams)
        {
            for (var k = 0; k + 1 < tokens.Count; k++)
            {
                if (!VietnameseAnalyzer.Adjacent(question, tokens[k], tokens[k + 1])) continue;
                var bothStop = StopWords.Contains(tokens[k].Term) && StopWords.Contains(tokens[k + 1].Term);
                foreach (var (a, sa) in formsByPosition[k])
                    foreach (var (b, sb) in formsByPosition[k + 1])
                    {
                        if (sa * sb < 1 && !vocabulary.ContainsBigram(a, b)) continue;
                        Add(VietnameseAnalyzer.Bigram(a, b), (float)((bothStop ? 0.3 : 1.0) * sa * sb));
                    }
            }
        }

        var specials = new List<string>();
        var plain = new HashSet<string>(tokens.Select(t => t.Term));
        foreach (var term in analyzer.Terms(question))
        {
            if (term.StartsWith('@') || term.StartsWith('#'))
            {
                Add(term, SpecialWeight);
                specials.Add(term);
            }
            else if (!plain.Contains(term) && !term.Contains('_'))
            {
                // An abbreviation's spelled-out words: they help, but the question did not say them.
                Add(term, ExpansionWeight);
                if (!HasWord(words, term)) words.Add(new QueryWord(term, [(term, 0.5)]));
            }
        }

        return new BuiltQuery(question, weights.Select(w => new WeightedTerm(w.Key, w.Value)).ToList(), words, specials.Distinct().ToList());

        // Numbers and words the corpus already spells exactly need no OCR variants beyond what exists.
        bool vocabularyHasOnlyExact(string term) => term.Any(char.IsDigit);
    }

    private static bool HasWord(List<QueryWord> words, string term)
    {
        foreach (var w in words)
            if (w.Term == term) return true;
        return false;
    }
}
