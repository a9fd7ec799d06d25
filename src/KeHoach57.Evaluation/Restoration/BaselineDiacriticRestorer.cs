using System.Collections.Concurrent;
using System.Text;

using KeHoach57.Core.Text;

namespace KeHoach57.Evaluation.Restoration;

/// <summary>
/// The restorer the answers used before issue 17 (word-by-word lexicon lookup over the clean plan),
/// kept here unchanged only so that restoration-eval can print its figures as the "before" row.
/// Reads OCR-damaged Vietnamese back into its proper spelling for display ("quan ly mdi trudng" →
/// "quản lý môi trường", "Phong Vin héa" → "Phòng Văn hóa"), using the words and word pairs of the
/// corpus's clean-Unicode documents and the glossary as its lexicon. Each word is replaced only by a
/// lexicon word within OCR distance of it, preferring pairs the clean text actually uses; a word with
/// no such reading stays as the source has it. Quotes in citations are never restored.
/// </summary>
public sealed class BaselineDiacriticRestorer
{
    private readonly VietnameseAnalyzer _analyzer;
    private readonly Dictionary<string, Dictionary<string, int>> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> _pairs = new();
    private readonly Dictionary<int, string[]> _byLength;
    private readonly HashSet<string> _cleanForms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Word, double Distance)[]> _candidates = new();


    public BaselineDiacriticRestorer(VietnameseAnalyzer analyzer, IEnumerable<string> referenceTexts)
    {
        _analyzer = analyzer;
        foreach (var text in referenceTexts) Learn(text);
        _byLength = _forms.Keys.GroupBy(k => k.Length).ToDictionary(g => g.Key, g => g.ToArray());
    }

    private void Learn(string text)
    {
        var tokens = _analyzer.Tokenize(text);
        string? previous = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var form = text.Substring(t.Start, t.Length).ToLowerInvariant();
            if (!form.All(char.IsLetter)) { previous = null; continue; }
            if (!_forms.TryGetValue(t.Term, out var forms)) _forms[t.Term] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
            forms[form] = forms.GetValueOrDefault(form) + 1;
            _cleanForms.Add(form);
            var adjacent = previous is not null && i > 0 && !text.AsSpan(tokens[i - 1].End, t.Start - tokens[i - 1].End).ContainsAny(".;:\n");
            if (adjacent) _pairs[(previous!, form)] = _pairs.GetValueOrDefault((previous!, form)) + 1;
            previous = form;
        }
    }

    public string Restore(string text)
    {
        var tokens = _analyzer.Tokenize(text);
        if (tokens.Count == 0 || _forms.Count == 0) return text;

        // Viterbi over the words: each word's readings score by closeness and frequency, each adjacent
        // pair by whether the clean text uses it; null means "keep the source word".
        var states = tokens.Select(t => Readings(text.Substring(t.Start, t.Length), t.Term)).ToList();
        var score = new double[states.Count][];
        var back = new int[states.Count][];
        for (var i = 0; i < states.Count; i++)
        {
            score[i] = new double[states[i].Count];
            back[i] = new int[states[i].Count];
            var joined = i > 0 && !text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).ContainsAny(".;:\n");
            for (var s = 0; s < states[i].Count; s++)
            {
                var (form, emission) = states[i][s];
                if (i == 0) { score[i][s] = emission; continue; }
                var best = double.MinValue;
                for (var p = 0; p < states[i - 1].Count; p++)
                {
                    var previous = states[i - 1][p].Form;
                    var transition = joined && previous is not null && form is not null && _pairs.TryGetValue((previous, form), out var n)
                        ? 1.2 + 0.2 * Math.Log(1 + n) : 0;
                    var candidate = score[i - 1][p] + transition;
                    if (candidate > best) (best, back[i][s]) = (candidate, p);
                }
                score[i][s] = best + emission;
            }
        }
        var chosen = new string?[states.Count];
        var state = Array.IndexOf(score[^1], score[^1].Max());
        for (var i = states.Count - 1; i >= 0; i--)
        {
            chosen[i] = states[i][state].Form;
            state = back[i][state];
        }

        var sb = new StringBuilder(text.Length + 16);
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var source = text.Substring(tokens[i].Start, tokens[i].Length);
            // "IOC", "DTI", "PII": an acronym is no OCR-damaged word, whatever word it resembles.
            var acronym = source.Length >= 2 && source.All(c => !char.IsLetter(c) || char.IsUpper(c)) && !text.AsSpan(tokens[i].Start, tokens[i].Length).ContainsAny("ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴĐ");
            sb.Append(text, at, tokens[i].Start - at).Append(chosen[i] is null || acronym ? source : MatchCase(source, chosen[i]!));
            at = tokens[i].End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The lexicon words a source word may be read as, with their scores; always at least "keep it".</summary>
    private List<(string? Form, double Emission)> Readings(string source, string term)
    {
        var readings = new List<(string?, double)>();
        var lower = source.ToLowerInvariant();
        if (term.All(char.IsLetter))
        {
            foreach (var (word, distance) in Candidates(term))
                foreach (var (form, count) in _forms[word])
                    readings.Add((form, -4.0 * distance + 0.25 * Math.Log(1 + count) + (form == lower ? 0.5 : 0)));
        }
        // Keeping the source word is always possible, and right when nothing in the lexicon is near it.
        readings.Add((_cleanForms.Contains(lower) ? lower : null, _cleanForms.Contains(lower) ? 0.5 : -1.5));
        return readings;
    }

    private (string Word, double Distance)[] Candidates(string term) =>
        _candidates.GetOrAdd(term, t =>
        {
            var threshold = Math.Max(OcrDistance.Threshold(t.Length), t.Length <= 2 ? 0.45 : 0);
            var found = new List<(string, double)>();
            for (var length = Math.Max(1, t.Length - 2); length <= t.Length + 2; length++)
            {
                if (!_byLength.TryGetValue(length, out var words)) continue;
                foreach (var w in words)
                {
                    var d = w == t ? 0 : OcrDistance.Between(t, w, threshold);
                    if (d <= threshold) found.Add((w, d));
                }
            }
            return found.ToArray();
        });

    private static string MatchCase(string source, string form)
    {
        if (source.Length > 1 && source.All(c => !char.IsLetter(c) || char.IsUpper(c)) && source.Count(char.IsLetter) > 1) return form.ToUpperInvariant();
        return char.IsUpper(source[0]) ? char.ToUpperInvariant(form[0]) + form[1..] : form;
    }
}
