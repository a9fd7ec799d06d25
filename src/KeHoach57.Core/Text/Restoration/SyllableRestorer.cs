using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace KeHoach57.Core.Text.Restoration;

/// <summary>One word of a restored text: where it is in the source, what it was, what it became and how sure the model is.</summary>
public readonly record struct RestoredSyllable(int Start, int End, string Source, string Restored, double Confidence)
{
    public bool Changed => !string.Equals(Source, Restored, StringComparison.Ordinal);
}

/// <summary>
/// What decoding proposes for one word before the confidence gate (<see cref="RestorationOptions.Accepts"/>):
/// the best path's reading in the source's case (null: keep the word as written), its posterior, whether it
/// changes letters and whether a pair of the clean text vouches for it.
/// </summary>
public readonly record struct ProposedSyllable(int Start, int End, string Source, string? Reading, double Confidence, bool LetterChange, bool Supported)
{
    /// <summary>The word as restoration writes it under <paramref name="options"/>: the reading when sure enough, else the source.</summary>
    public RestoredSyllable Under(RestorationOptions options) =>
        new(Start, End, Source, Reading is not null && options.Accepts(this) ? Reading : Source, Confidence);
}

/// <summary>
/// Restores OCR-damaged Vietnamese to its proper spelling: "Uy ban nhan dan x3 x4y dung ké hoach" → "Ủy
/// ban nhân dân xã xây dựng kế hoạch", "Nghj quyt s 57-NQ/TW cüa B ChInh trj" → "Nghị quyết số 57-NQ/TW
/// của Bộ Chính trị". Each word's candidates are the lexicon's syllables near it under the
/// OCR channel (<see cref="OcrChannel"/>); Viterbi over the syllable trigram model (<see cref="SyllableModel"/>)
/// picks the reading, and forward–backward gives each syllable's posterior. A syllable whose posterior is
/// below its threshold stays as the source has it ("ndi sinh" stays when the clean text never had "nội
/// sinh" to vouch for "nội"; more certainty is asked of a change of letters and of a reading no pair of
/// the clean text supports), and so do numbers,
/// acronyms, document numbers and words the lexicon does not know. Case is kept (capitals, headings).
/// Thread-safe; the model is read once, lazily.
/// </summary>
public sealed partial class SyllableRestorer
{
    private const int CacheLimit = 200_000;
    private readonly SyllableModel _model;
    private readonly OcrChannel _channel;
    private readonly VietnameseAnalyzer _analyzer;
    private readonly ConcurrentDictionary<string, Candidate[]> _candidates = new(StringComparer.Ordinal);

    public RestorationOptions Options { get; }

    private readonly record struct Candidate(int Id, double Emission, bool LetterChange = false);

    public SyllableRestorer(SyllableModel model, OcrChannel channel, VietnameseAnalyzer analyzer, RestorationOptions? options = null)
    {
        _model = model;
        _analyzer = analyzer;
        Options = options ?? RestorationOptions.Default;
        _channel = channel.WithLostMark(Options.LostMarkCost);
    }

    private static readonly Lazy<SyllableRestorer> DefaultRestorer =
        new(() => new SyllableRestorer(SyllableModel.Default, OcrChannel.Default, new VietnameseAnalyzer()));

    /// <summary>The shipped model and confusions with the default options.</summary>
    public static SyllableRestorer Default => DefaultRestorer.Value;

    public SyllableRestorer With(RestorationOptions options) => new(_model, _channel, _analyzer, options);

    public string Restore(string text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        var syllables = Analyze(text);
        var sb = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var s in syllables)
        {
            if (!s.Changed) continue;
            sb.Append(text, at, s.Start - at).Append(s.Restored);
            at = s.End;
        }
        return at == 0 ? text : sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Every word of <paramref name="text"/> with its restoration and confidence, in order.</summary>
    public IReadOnlyList<RestoredSyllable> Analyze(string text) => Propose(text).Select(p => p.Under(Options)).ToArray();

    /// <summary>
    /// Every word of <paramref name="text"/> with the reading decoding proposes, before the confidence gate:
    /// what <see cref="Analyze"/> gates with <see cref="Options"/>, and what the fit gates with every threshold it tries
    /// (the gate does not change the decoding).
    /// </summary>
    public IReadOnlyList<ProposedSyllable> Propose(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var units = SyllableReader.Read(text, _analyzer);
        var result = new ProposedSyllable[units.Count];
        var chainStart = 0;
        for (var k = 0; k <= units.Count; k++)
        {
            if (k < units.Count && (k == chainStart || !units[k].BreakBefore)) continue;
            DecodeChain(text, units, chainStart, k, result);
            chainStart = k;
        }
        return result;
    }

    /// <summary>
    /// One clause, units [from, to): each word's readings, and the best path of the trigram model with its posteriors.
    /// </summary>
    private void DecodeChain(string text, List<SyllableUnit> units, int from, int to, ProposedSyllable[] result)
    {
        var n = to - from;
        if (n == 0) return;
        var states = new Candidate[n][];
        for (var i = 0; i < n; i++)
        {
            var unit = units[from + i];
            states[i] = unit.Kind switch
            {
                UnitKind.Number => [new Candidate(_model.NumberId, 0)],
                UnitKind.Abbreviation => [new Candidate(_model.AbbreviationId, 0)],
                _ => CandidatesFor(text.Substring(unit.Start, unit.End - unit.Start).ToLowerInvariant()),
            };
        }
        var (path, posterior) = Decode(states);
        for (var i = n - 1; i >= 0; i--)
        {
            var unit = units[from + i];
            var source = text.Substring(unit.Start, unit.End - unit.Start);
            var chosen = states[i][path[i]];
            var previous = i == 0 ? _model.SentenceStartId : states[i - 1][path[i - 1]].Id;
            var next = i == n - 1 ? _model.SentenceEndId : states[i + 1][path[i + 1]].Id;
            var supported = _model.Seen(previous, chosen.Id) || _model.Seen(chosen.Id, next) || _model.Dominant(chosen.Id);
            var word = unit.Kind == UnitKind.Word;
            var reading = word && chosen.Id >= 0 ? MatchCase(source, _model.Word(chosen.Id)) : null;
            result[from + i] = new ProposedSyllable(unit.Start, unit.End, source, reading, word ? posterior[i][path[i]] : 1, chosen.LetterChange, supported);
        }
    }

    /// <summary>
    /// Viterbi and forward–backward over one clause's readings with the trigram model: a state at word i
    /// is a pair of readings (word i − 1, word i), so each step weighs the reading of word i against the two
    /// before it. Returns the best path and each reading's posterior.
    /// </summary>
    private (int[] Path, double[][] Posterior) Decode(Candidate[][] states)
    {
        var n = states.Length;
        var start = new[] { new Candidate(_model.SentenceStartId, 0) };
        var end = new[] { new Candidate(_model.SentenceEndId, 0) };
        // Readings before word i (the clause start for the first) and at position i, where position n is the clause end.
        Candidate[] Before(int i) => i == 0 ? start : states[i - 1];
        Candidate[] At(int i) => i == n ? end : states[i];

        // probability[i][(r·|P| + p)·|Q| + q] = P(q at i | r at i − 2, p at i − 1), for i = 0..n (n: the end);
        // at i = 0 there is no r, the pair model alone. Computed once for Viterbi and forward–backward.
        var probability = new double[n + 1][];
        for (var i = 0; i <= n; i++)
        {
            var before2 = i == 0 ? start : Before(i - 1);
            var prev = Before(i);
            var next = At(i);
            var pairs = new double[prev.Length * next.Length];
            for (var p = 0; p < prev.Length; p++)
                for (var q = 0; q < next.Length; q++)
                    pairs[p * next.Length + q] = Math.Exp(Transition(prev[p].Id, next[q].Id));
            var e = new double[before2.Length * pairs.Length];
            for (var r = 0; r < before2.Length; r++)
                for (var p = 0; p < prev.Length; p++)
                {
                    var offset = (r * prev.Length + p) * next.Length;
                    var context = i > 0 && _model.HasTrigramContext(before2[r].Id, prev[p].Id);
                    for (var q = 0; q < next.Length; q++)
                    {
                        var pair = pairs[p * next.Length + q];
                        e[offset + q] = context && next[q].Id >= 0 ? _model.Probability(before2[r].Id, prev[p].Id, next[q].Id, pair) : pair;
                    }
                }
            probability[i] = e;
        }

        // Over pair states (p at i − 1, q at i): Viterbi in log space, forward–backward in probability space, rescaled at every word.
        var viterbi = new double[n][];
        var back = new int[n][];
        var alpha = new double[n][];
        var emission = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var prev = Before(i);
            var size = states[i].Length;
            emission[i] = new double[size];
            for (var q = 0; q < size; q++) emission[i][q] = Math.Exp(-Options.ChannelWeight * states[i][q].Emission);
            viterbi[i] = new double[prev.Length * size];
            back[i] = new int[prev.Length * size];
            alpha[i] = new double[prev.Length * size];
            var scale = 0.0;
            if (i == 0)
                for (var q = 0; q < size; q++)
                {
                    viterbi[0][q] = Math.Log(probability[0][q] * emission[0][q]);
                    alpha[0][q] = probability[0][q] * emission[0][q];
                    scale += alpha[0][q];
                }
            else
            {
                var before2 = Before(i - 1).Length;
                for (var p = 0; p < prev.Length; p++)
                    for (var q = 0; q < size; q++)
                    {
                        double best = double.NegativeInfinity, sum = 0;
                        var arg = 0;
                        for (var r = 0; r < before2; r++)
                        {
                            var t = probability[i][(r * prev.Length + p) * size + q];
                            var v = viterbi[i - 1][r * prev.Length + p] + Math.Log(t);
                            if (v > best) (best, arg) = (v, r);
                            sum += alpha[i - 1][r * prev.Length + p] * t;
                        }
                        var state = p * size + q;
                        viterbi[i][state] = best + Math.Log(emission[i][q]);
                        back[i][state] = arg;
                        alpha[i][state] = sum * emission[i][q];
                        scale += alpha[i][state];
                    }
            }
            if (scale > 0) for (var k = 0; k < alpha[i].Length; k++) alpha[i][k] /= scale;
        }
        var beta = new double[n][];
        for (var i = n - 1; i >= 0; i--)
        {
            var prev = Before(i);
            var size = states[i].Length;
            beta[i] = new double[prev.Length * size];
            var next = At(i + 1);
            var scale = 0.0;
            for (var p = 0; p < prev.Length; p++)
                for (var q = 0; q < size; q++)
                {
                    var offset = (p * size + q) * next.Length;
                    var sum = 0.0;
                    for (var s = 0; s < next.Length; s++)
                        sum += probability[i + 1][offset + s] * (i == n - 1 ? 1 : emission[i + 1][s] * beta[i + 1][q * next.Length + s]);
                    beta[i][p * size + q] = sum;
                    scale += sum;
                }
            if (scale > 0) for (var k = 0; k < beta[i].Length; k++) beta[i][k] /= scale;
        }

        // The best last pair, with the clause end after it, then back along the pointers.
        var last = states[n - 1].Length;
        int bestState = 0;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < viterbi[n - 1].Length; k++)
        {
            var v = viterbi[n - 1][k] + Math.Log(probability[n][k]);
            if (v > bestScore) (bestScore, bestState) = (v, k);
        }
        var path = new int[n];
        var (pp, qq) = (bestState / last, bestState % last);
        for (var i = n - 1; i >= 0; i--)
        {
            path[i] = qq;
            if (i == 0) break;
            var r = back[i][pp * states[i].Length + qq];
            (pp, qq) = (r, pp);
        }
        // The posterior of reading q at i: the pair states ending in q, summed.
        var posterior = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var size = states[i].Length;
            posterior[i] = new double[size];
            var norm = 0.0;
            for (var k = 0; k < alpha[i].Length; k++)
            {
                var g = alpha[i][k] * beta[i][k];
                norm += g;
                posterior[i][k % size] += g;
            }
            if (norm > 0) for (var q = 0; q < size; q++) posterior[i][q] /= norm;
        }
        return (path, posterior);
    }

    private double Transition(int previous, int next)
    {
        if (next < 0) return Options.UnknownLogProbability;
        return _model.LogProbability(previous, next);
    }

    /// <summary>The readings considered for one source word, best first, with their channel costs; null is "keep it as written".</summary>
    public IReadOnlyList<(string? Word, double Cost)> Readings(string source) =>
        CandidatesFor(source.ToLowerInvariant()).Select(c => (c.Id >= 0 ? _model.Word(c.Id) : null, c.Emission)).ToList();

    /// <summary>The spellings a source word may stand for, with their channel costs; always including "keep it as written" (id −1).</summary>
    private Candidate[] CandidatesFor(string source)
    {
        if (_candidates.TryGetValue(source, out var cached)) return cached;
        var found = new List<Candidate>();
        var key = ProbeKey(source);
        // The analyzer's sure repairs ("d6i" → doi, "chirc" → chuc) are not letter changes; anything beyond them is.
        var repaired = _analyzer.NormalizeWord(VietnameseAnalyzer.FoldAligned(source));
        // The OCR printed a real syllable with its marks ("báo", "các"): other readings must earn it.
        var canonical = VietnameseText.NormalizeTonePlacement(source);
        // Not "é" alone: the diacritic-lost plans print it for any e or o with marks ("ké" kế, "méi" mới).
        var trusted = source.Any(c => c > 127 && c != 'é') && _model.Id(canonical) >= 0;
        // A Roman numeral that is no syllable ("ii", "iii", "vii" numbering a list) is no damaged word: nothing is near it.
        if (key.Length is > 0 and <= 10 && !(RomanNumeral().IsMatch(source) && !VietnameseSyllables.IsSyllable(source)))
        {
            foreach (var folded in _model.NearFolded(key))
            {
                if (Math.Abs(folded.Length - key.Length) > 3) continue;
                if (_channel.FoldedBound(canonical, folded, Options.MaxChannelCost) > Options.MaxChannelCost) continue;
                foreach (var id in _model.Spellings(folded))
                {
                    var word = _model.Word(id);
                    var cost = _channel.Cost(canonical, word, Options.MaxChannelCost);
                    if (trusted && word != canonical) cost += Options.MarkedSourceTrust;
                    if (cost <= Options.MaxChannelCost) found.Add(new Candidate(id, cost, folded != repaired));
                }
            }
        }
        // A reading far costlier than the closest one cannot win on the language model alone.
        var closest = found.Count == 0 ? 0 : found.Min(c => c.Emission);
        var best = found
            .Where(c => c.Emission <= closest + Options.MaxCostAboveClosest)
            .OrderBy(c => Options.ChannelWeight * c.Emission - _model.LogUnigram(c.Id))
            .Take(Options.MaxCandidates)
            .ToList();
        // Keeping the word as written is always possible, and the only reading when nothing is near it.
        if (!best.Any(c => c.Emission == 0)) best.Add(new Candidate(-1, Options.KeepCost));
        var result = best.ToArray();
        if (_candidates.Count < CacheLimit) _candidates.TryAdd(source, result);
        return result;
    }

    [GeneratedRegex("^(?=[ivxl]{2})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")]
    private static partial Regex RomanNumeral();

    /// <summary>The folded letters of a source word for the deletion index: glyphs that stand for letters stay, quotes go.</summary>
    private static string ProbeKey(string source)
    {
        var sb = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            var f = OcrChannel.FoldChar(c);
            if (f is >= 'a' and <= 'z' or >= '0' and <= '9' or '&' or '.' or '?') sb.Append(f);
        }
        return sb.ToString();
    }

    /// <summary>Capitals as the source has them: "MUC" → "MỤC", "ChInh" → "Chính", "hQc" → "học".</summary>
    private static string MatchCase(string source, string word)
    {
        int letters = 0, upper = 0;
        foreach (var c in source)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (letters >= 2 && upper == letters) return word.ToUpperInvariant();
        foreach (var c in source)
        {
            if (char.IsLetter(c)) return char.IsUpper(c) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
            if (char.IsDigit(c)) break;
        }
        return word;
    }
}
