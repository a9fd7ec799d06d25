using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KeHoach57.Core.Text.Restoration;

/// <summary>
/// The syllable lexicon and bigram language model that restoration decodes with: every syllable of a
/// clean text and of the word list, with how often the clean text uses it and each adjacent pair.
/// Numbers and acronyms take part as the classes <see cref="Number"/> and <see cref="Abbreviation"/>
/// ("số &lt;num&gt;", "của &lt;abbr&gt;"). Smoothing: absolute discounting of the pairs onto a unigram that
/// shares each folded form's mass between its spellings by their counts and, for spellings the clean
/// text never used, by how often the clean text puts each tone and vowel shape on those letters.
/// Immutable once built; safe to share between threads.
/// </summary>
public sealed class SyllableModel
{
    public const string SentenceStart = "<s>";
    public const string SentenceEnd = "</s>";
    public const string Number = "<num>";
    public const string Abbreviation = "<abbr>";
    private const string Header = "# kehoach57 syllable model v2";
    private const double Discount = 0.75;
    private const double ShapeWeight = 1.0;
    private const double FoldSmoothing = 0.5;

    private readonly string[] _words;
    private readonly int[] _counts;
    private readonly bool[] _inWordList;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _bigrams;
    private readonly int[] _contextCount;
    private readonly int[] _contextTypes;
    private readonly double[] _unigram;
    private readonly string[] _folded;
    private readonly Dictionary<string, int[]> _byFolded = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, List<int>>> _deletions;
    private readonly string[] _foldedForms;
    // How much of each count the corpus's own clean text gave (the rest is the word lists and the dictionary).
    private readonly int[] _corpusCounts;
    private readonly Dictionary<long, int> _corpusPairs;

    public int SentenceStartId { get; }
    public int SentenceEndId { get; }
    public int NumberId { get; }
    public int AbbreviationId { get; }
    public int Count => _words.Length;
    /// <summary>Syllables seen in the clean text (tokens, not distinct).</summary>
    public long TextTokens { get; }
    public int BigramCount => _bigrams.Count;
    /// <summary>How many times each syllable of the corpus's own text was counted (<see cref="SyllableModelBuilder.CorpusWeight"/>).</summary>
    public int CorpusWeight { get; }

    private SyllableModel(string[] words, int[] counts, bool[] inWordList, Dictionary<long, int> bigrams, int[] corpusCounts, Dictionary<long, int> corpusPairs, int corpusWeight)
    {
        CorpusWeight = corpusWeight;
        _words = words;
        _counts = counts;
        _inWordList = inWordList;
        _bigrams = bigrams;
        _corpusCounts = corpusCounts;
        _corpusPairs = corpusPairs;
        for (var i = 0; i < words.Length; i++) _ids[words[i]] = i;
        SentenceStartId = Ensure(SentenceStart);
        SentenceEndId = Ensure(SentenceEnd);
        NumberId = Ensure(Number);
        AbbreviationId = Ensure(Abbreviation);

        _contextCount = new int[words.Length];
        _contextTypes = new int[words.Length];
        foreach (var (key, n) in bigrams)
        {
            var a = (int)(key >> 32);
            _contextCount[a] += n;
            _contextTypes[a]++;
        }
        _folded = new string[words.Length];
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        long total = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (IsClass(words[i])) continue;
            total += counts[i];
            _folded[i] = string.Create(words[i].Length, words[i], static (span, w) =>
            {
                for (var k = 0; k < w.Length; k++) span[k] = OcrChannel.FoldChar(w[k]);
            });
            if (!groups.TryGetValue(_folded[i], out var g)) groups[_folded[i]] = g = [];
            g.Add(i);
        }
        TextTokens = total;
        foreach (var (f, g) in groups) _byFolded[f] = g.ToArray();
        _foldedForms = _byFolded.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        _unigram = Unigrams(total);
        _deletions = new Lazy<Dictionary<string, List<int>>>(BuildDeletions, LazyThreadSafetyMode.ExecutionAndPublication);

        int Ensure(string word) => _ids.TryGetValue(word, out var id) ? id : throw new FormatException($"syllable model lacks {word}");
    }

    private static bool IsClass(string word) => word.Length > 1 && word[0] == '<';

    public string Word(int id) => _words[id];
    public string Folded(int id) => _folded[id];
    public int CountOf(int id) => _counts[id];
    public bool InWordList(int id) => _inWordList[id];
    public int Id(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The syllables of the word list (for rebuilding a model on other clean text, as the held-out measurement does).</summary>
    public IEnumerable<string> WordList => _words.Where((_, i) => _inWordList[i]);

    /// <summary>log P(next | previous); previous −1 is a word the model does not know.</summary>
    public double LogProbability(int previous, int next)
    {
        var unigram = _unigram[next];
        if (previous < 0 || _contextCount[previous] == 0) return Math.Log(unigram);
        var c = (double)_contextCount[previous];
        _bigrams.TryGetValue(((long)previous << 32) | (uint)next, out var pair);
        return Math.Log(Math.Max(pair - Discount, 0) / c + Discount * _contextTypes[previous] / c * unigram);
    }

    public double LogUnigram(int id) => Math.Log(_unigram[id]);

    /// <summary>Whether the clean text writes these letters this way nearly always ("va" is "và"): the unigram alone vouches for it.</summary>
    public bool Dominant(int id)
    {
        if (id < 0 || _folded[id] is null || _counts[id] < 5) return false;
        var total = 0;
        foreach (var other in _byFolded[_folded[id]]) total += _counts[other];
        return _counts[id] >= 0.9 * total;
    }

    /// <summary>Whether the clean text has the pair: a reading some context vouches for, not only the unigram.</summary>
    public bool Seen(int previous, int next) => previous >= 0 && next >= 0 && _bigrams.ContainsKey(((long)previous << 32) | (uint)next);

    /// <summary>The spellings of one folded form ("so" → số, sổ, sở, so, sơ…).</summary>
    public IReadOnlyList<int> Spellings(string folded) => _byFolded.TryGetValue(folded, out var ids) ? ids : [];

    /// <summary>
    /// Folded forms within two deleted letters of <paramref name="key"/> on either side (a symmetric
    /// deletion index): recall for the OCR channel, which then scores each spelling properly.
    /// </summary>
    public IEnumerable<string> NearFolded(string key)
    {
        var index = _deletions.Value;
        var seen = new HashSet<int>();
        foreach (var variant in Deletions(key, 2))
            if (index.TryGetValue(variant, out var forms))
                foreach (var f in forms)
                    if (seen.Add(f)) yield return _foldedForms[f];
    }

    private Dictionary<string, List<int>> BuildDeletions()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var f = 0; f < _foldedForms.Length; f++) AddDeletions(index, _foldedForms[f], f, 2);
        return index;
    }

    /// <summary>Files form <paramref name="f"/> under <paramref name="word"/> and every string up to <paramref name="depth"/> letters shorter.</summary>
    private static void AddDeletions(Dictionary<string, List<int>> index, string word, int f, int depth)
    {
        if (!index.TryGetValue(word, out var list)) index[word] = list = [];
        // Forms are filed in order, so a form already filed under this key is the list's last.
        if (list.Count == 0 || list[^1] != f) list.Add(f);
        if (depth == 0) return;
        for (var i = 0; i < word.Length; i++)
            if (i == 0 || word[i] != word[i - 1]) AddDeletions(index, word.Remove(i, 1), f, depth - 1);
    }

    private static HashSet<string> Deletions(string word, int depth)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var d = 0; d < depth; d++)
        {
            var next = new List<string>();
            foreach (var w in frontier)
                for (var i = 0; i < w.Length; i++)
                {
                    var shorter = w.Remove(i, 1);
                    if (result.Add(shorter)) next.Add(shorter);
                }
            frontier = next;
        }
        return result;
    }

    private double[] Unigrams(long total)
    {
        var p = new double[_words.Length];
        // Tone and vowel shape frequencies of the clean text, for spellings it never used.
        var tones = new double[6];
        var shapes = new Dictionary<(char, char), double>();
        var bases = new Dictionary<char, double>();
        for (var i = 0; i < _words.Length; i++)
        {
            if (_counts[i] == 0 || _folded[i] is null) continue;
            tones[Tone(_words[i])] += _counts[i];
            foreach (var c in _words[i])
            {
                var key = (OcrChannel.FoldChar(c), OcrChannel.ShapeChar(c));
                shapes[key] = shapes.GetValueOrDefault(key) + _counts[i];
                bases[key.Item1] = bases.GetValueOrDefault(key.Item1) + _counts[i];
            }
        }
        var folds = _byFolded.Count;
        foreach (var (f, ids) in _byFolded)
        {
            var foldCount = ids.Sum(i => (double)_counts[i]);
            var foldP = (foldCount + FoldSmoothing) / (total + FoldSmoothing * folds);
            var shape = new double[ids.Length];
            for (var k = 0; k < ids.Length; k++)
            {
                var w = _words[ids[k]];
                var s = (tones[Tone(w)] + 1) / (total + 6);
                foreach (var c in w)
                {
                    var b = OcrChannel.FoldChar(c);
                    s *= (shapes.GetValueOrDefault((b, OcrChannel.ShapeChar(c))) + 0.5) / (bases.GetValueOrDefault(b) + 2);
                }
                shape[k] = s;
            }
            var z = shape.Sum();
            for (var k = 0; k < ids.Length; k++)
                p[ids[k]] = foldP * (_counts[ids[k]] + ShapeWeight * shape[k] / z) / (foldCount + ShapeWeight);
        }
        foreach (var id in new[] { SentenceEndId, NumberId, AbbreviationId, SentenceStartId })
            p[id] = (_counts[id] + 1.0) / (total + folds);
        return p;
    }

    /// <summary>0 for no tone mark, 1–5 for huyền, sắc, hỏi, ngã, nặng.</summary>
    private static int Tone(string syllable)
    {
        foreach (var c in syllable)
            if (OcrChannel.ToneOf(c) is var tone and > 0) return tone;
        return 0;
    }

    // ---- building and the data file ----

    /// <summary>
    /// This model with the counts of more clean text added (names a deployment knows, for instance),
    /// weighed as the corpus's own text is: a deployment's names are its register, not the dictionary's.
    /// </summary>
    public SyllableModel With(IEnumerable<string> cleanTexts, VietnameseAnalyzer analyzer) =>
        SyllableModelBuilder.From(this, analyzer).AddCorpusTexts(cleanTexts).Build();

    /// <summary>
    /// This model without what the corpus's own clean text gave it (<see cref="SyllableModelBuilder.AddCorpusTexts"/>):
    /// the word lists and the dictionary only, for the held-out measurement to add the half it trains on.
    /// </summary>
    public SyllableModel WithoutCorpus(VietnameseAnalyzer analyzer) => SyllableModelBuilder.From(this, analyzer).RemoveCorpus().Build();

    internal static SyllableModel Create(string[] words, int[] counts, bool[] inWordList, Dictionary<long, int> bigrams,
        int[] corpusCounts, Dictionary<long, int> corpusPairs, int corpusWeight) =>
        new(words, counts, inWordList, bigrams, corpusCounts, corpusPairs, corpusWeight);

    internal void CopyTo(Dictionary<string, int> counts, HashSet<string> listed, Dictionary<(string, string), int> pairs,
        Dictionary<string, int> corpusCounts, Dictionary<(string, string), int> corpusPairs)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            counts[_words[i]] = _counts[i];
            if (_inWordList[i]) listed.Add(_words[i]);
            if (_corpusCounts[i] > 0) corpusCounts[_words[i]] = _corpusCounts[i];
        }
        foreach (var (key, n) in _bigrams) pairs[(_words[key >> 32], _words[(uint)key])] = n;
        foreach (var (key, n) in _corpusPairs) corpusPairs[(_words[key >> 32], _words[(uint)key])] = n;
    }

    /// <summary>
    /// Writes the data file: gzip'd lines "w syllable count listed" then "b first second count" (ids are
    /// line numbers of the w lines), each with a fifth column, how much of the count the corpus's own
    /// clean text gave, where it gave any; a line "corpus-weight N" says how much each of its counts weighs.
    /// </summary>
    public void Save(Stream stream, string provenance)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var line in provenance.Split('\n')) writer.WriteLine("# " + line.TrimEnd('\r'));
        writer.WriteLine($"corpus-weight\t{CorpusWeight.ToString(CultureInfo.InvariantCulture)}");
        for (var i = 0; i < _words.Length; i++)
            writer.WriteLine($"w\t{_words[i]}\t{_counts[i].ToString(CultureInfo.InvariantCulture)}\t{(_inWordList[i] ? "L" : "-")}{CorpusShare(_corpusCounts[i])}");
        foreach (var (key, n) in _bigrams.OrderBy(p => p.Key))
            writer.WriteLine($"b\t{key >> 32}\t{(uint)key}\t{n.ToString(CultureInfo.InvariantCulture)}{CorpusShare(_corpusPairs.GetValueOrDefault(key))}");

        static string CorpusShare(int n) => n == 0 ? "" : "\t" + n.ToString(CultureInfo.InvariantCulture);
    }

    public static SyllableModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var words = new List<string>();
        var counts = new List<int>();
        var listed = new List<bool>();
        var corpusCounts = new List<int>();
        var bigrams = new Dictionary<long, int>();
        var corpusPairs = new Dictionary<long, int>();
        var corpusWeight = 1;
        if (reader.ReadLine() != Header) throw new FormatException("not a syllable model file (v2)");
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts is ["corpus-weight", var weight] && int.TryParse(weight, CultureInfo.InvariantCulture, out corpusWeight) && corpusWeight >= 1) continue;
            if (parts.Length is not (4 or 5)) throw new FormatException($"syllable model: bad line \"{line}\"");
            var corpus = parts.Length == 5 ? int.Parse(parts[4], CultureInfo.InvariantCulture) : 0;
            if (parts[0] == "w")
            {
                words.Add(parts[1]);
                counts.Add(int.Parse(parts[2], CultureInfo.InvariantCulture));
                listed.Add(parts[3] == "L");
                corpusCounts.Add(corpus);
            }
            else if (parts[0] == "b")
            {
                var a = long.Parse(parts[1], CultureInfo.InvariantCulture);
                var b = uint.Parse(parts[2], CultureInfo.InvariantCulture);
                if (a >= words.Count || b >= words.Count) throw new FormatException($"syllable model: pair {a} {b} out of range");
                bigrams[(a << 32) | b] = int.Parse(parts[3], CultureInfo.InvariantCulture);
                if (corpus > 0) corpusPairs[(a << 32) | b] = corpus;
            }
            else throw new FormatException($"syllable model: bad line \"{line}\"");
        }
        return new SyllableModel(words.ToArray(), counts.ToArray(), listed.ToArray(), bigrams, corpusCounts.ToArray(), corpusPairs, corpusWeight);
    }

    public const string ResourceName = "KeHoach57.Core.Text.Restoration.syllables.tsv.gz";

    private static readonly Lazy<SyllableModel> DefaultModel = new(() =>
    {
        using var stream = typeof(SyllableModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("syllables.tsv.gz is not embedded");
        return Load(stream);
    });

    /// <summary>The shipped model (Restoration/syllables.tsv.gz, embedded), read once on first use.</summary>
    public static SyllableModel Default => DefaultModel.Value;
}
