using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KeHoach57.Core.Text.Restoration;

/// <summary>
/// The syllable lexicon and trigram language model that restoration decodes with: every syllable of a
/// clean text and of the word list, with how often the clean text uses it, each adjacent pair and each
/// run of three.
/// Numbers and acronyms take part as the classes <see cref="Number"/> and <see cref="Abbreviation"/>
/// ("số &lt;num&gt;", "của &lt;abbr&gt;"). Smoothing: absolute discounting of the pairs onto a unigram that
/// shares each folded form's mass between its spellings by their counts and, for spellings the clean
/// text never used, by how often the clean text puts each tone and vowel shape on those letters; the
/// triples are discounted the same way onto the pairs (interpolated, so an unseen triple falls back on
/// its pair, "chú trọng" after "biệt" as after anything).
/// Immutable once built; safe to share between threads.
/// </summary>
public sealed class SyllableModel
{
    public const string SentenceStart = "<s>";
    public const string SentenceEnd = "</s>";
    public const string Number = "<num>";
    public const string Abbreviation = "<abbr>";
    private const string Header = "# kehoach57 syllable model v3";
    private const string HeaderV2 = "# kehoach57 syllable model v2";
    private const int IdBits = 21;
    private const double Discount = 0.75;
    // Triples are sparser than pairs: more of each is owed to the pair below (fitted on eval/restoration/tune.tsv).
    private const double TripleDiscount = 2.0;
    // But not of the corpus's own, counted per sighting: at 2 sightings every run of three the clean plan has
    // once or twice ("học kỹ thuật") kept nothing, while the dictionary's spelling of it ("học kĩ thuật")
    // kept most of its count, and the decoder wrote the dictionary's letters in the plans' text.
    private const double CorpusTripleDiscount = 0.75;
    private const double ShapeWeight = 1.0;
    private const double FoldSmoothing = 0.5;

    private readonly string[] _words;
    private readonly int[] _counts;
    private readonly bool[] _inWordList;
    private readonly Dictionary<string, int> _ids;
    private readonly LongTable _bigrams;
    private readonly int[] _contextCount;
    private readonly double[] _contextMass;
    private readonly double[] _unigram;
    private readonly string[] _folded;
    private readonly Dictionary<string, int[]> _byFolded = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, List<int>>> _deletions;
    private readonly string[] _foldedForms;
    // How much of each count the corpus's own clean text gave (the rest is the word lists and the dictionary).
    private readonly int[] _corpusCounts;
    private readonly LongTable _corpusPairs;
    private readonly LongTable _trigrams;
    private readonly LongTable _corpusTriples;
    // Per triple (at its position in _trigrams), its count less the discount; per pair context (a, b) (at its position in
    // _trigramContexts), how often anything follows it and the discounts' sum.
    private readonly double[] _tripleKept;
    private readonly LongPositions _trigramContexts;
    private readonly double[] _contextTripleCount;
    private readonly double[] _contextTripleMass;

    public int SentenceStartId { get; }
    public int SentenceEndId { get; }
    public int NumberId { get; }
    public int AbbreviationId { get; }
    public int Count => _words.Length;
    /// <summary>Syllables seen in the clean text (tokens, not distinct).</summary>
    public long TextTokens { get; }
    public int BigramCount => _bigrams.Count;
    public int TrigramCount => _trigrams.Count;
    /// <summary>How many times each syllable of the corpus's own text was counted (<see cref="SyllableModelBuilder.CorpusWeight"/>).</summary>
    public int CorpusWeight { get; }

    private SyllableModel(string[] words, int[] counts, bool[] inWordList, LongTable bigrams, int[] corpusCounts, LongTable corpusPairs,
        LongTable trigrams, LongTable corpusTriples, int corpusWeight)
    {
        if (words.Length >= 1 << IdBits) throw new FormatException($"syllable model: more than {1 << IdBits} syllables");
        _trigrams = trigrams;
        _corpusTriples = corpusTriples;
        CorpusWeight = corpusWeight;
        _words = words;
        _counts = counts;
        _inWordList = inWordList;
        _bigrams = bigrams;
        _corpusCounts = corpusCounts;
        _corpusPairs = corpusPairs;
        // Sized up front: grown entry by entry, they were copied over and over at every start.
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        _tripleKept = new double[trigrams.Count];
        _trigramContexts = new LongPositions(trigrams.Count);
        for (var i = 0; i < words.Length; i++) _ids[words[i]] = i;
        SentenceStartId = Ensure(SentenceStart);
        SentenceEndId = Ensure(SentenceEnd);
        NumberId = Ensure(Number);
        AbbreviationId = Ensure(Abbreviation);

        _contextCount = new int[words.Length];
        _contextMass = new double[words.Length];
        for (var i = 0; i < bigrams.Count; i++)
        {
            var (key, n) = (bigrams.KeyAt(i), bigrams.ValueAt(i));
            var a = (int)(key >> 32);
            _contextCount[a] += n;
            _contextMass[a] += Math.Min(n, Discount * Units(corpusPairs.ContainsKey(key), corpusWeight));
        }
        var contextCount = new double[trigrams.Count];
        var contextMass = new double[trigrams.Count];
        for (var i = 0; i < trigrams.Count; i++)
        {
            var (key, n) = (trigrams.KeyAt(i), trigrams.ValueAt(i));
            var discount = Math.Min(n, corpusTriples.ContainsKey(key) ? CorpusTripleDiscount * corpusWeight : TripleDiscount);
            _tripleKept[i] = n - discount;
            var context = _trigramContexts.Add(key >> IdBits);
            contextCount[context] += n;
            contextMass[context] += discount;
        }
        _contextTripleCount = contextCount;
        _contextTripleMass = contextMass;
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
        var key = ((long)previous << 32) | (uint)next;
        var pair = _bigrams.GetValueOrDefault(key);
        return Math.Log(Math.Max(pair - Discount * Units(pair > 0 && _corpusPairs.ContainsKey(key), CorpusWeight), 0) / c + _contextMass[previous] / c * unigram);
    }

    public double LogUnigram(int id) => Math.Log(_unigram[id]);

    /// <summary>
    /// The corpus's text counts CorpusWeight times per sighting, so its discount is in those units too: a
    /// pair or run of three seen once in the clean plan is one sighting, not a hundred, and leaves the
    /// lower order its share (with a flat discount the model was sure of every pair of one plan).
    /// </summary>
    private static double Units(bool fromCorpus, int corpusWeight) => fromCorpus ? corpusWeight : 1;

    /// <summary>log P(next | first, second): the triple's discounted count, the rest of the context's mass on the pair.</summary>
    public double LogProbability(int first, int second, int next) =>
        Math.Log(Probability(first, second, next, Math.Exp(LogProbability(second, next))));

    /// <summary>P(next | first, second) given <paramref name="pairProbability"/> = P(next | second), which a decoder has at hand.</summary>
    public double Probability(int first, int second, int next, double pairProbability)
    {
        if (first < 0 || second < 0 || next < 0 || _trigramContexts.IndexOf(TripleKey(first, second, 0) >> IdBits) is not (var context and >= 0))
            return pairProbability;
        var kept = _trigrams.IndexOf(TripleKey(first, second, next)) is var triple and >= 0 ? _tripleKept[triple] : 0;
        return (kept + _contextTripleMass[context] * pairProbability) / _contextTripleCount[context];
    }

    /// <summary>Whether any triple starts with (first, second): if not, every next word falls back on its pair.</summary>
    public bool HasTrigramContext(int first, int second) =>
        first >= 0 && second >= 0 && _trigramContexts.IndexOf(TripleKey(first, second, 0) >> IdBits) >= 0;

    /// <summary>Whether the clean text has the three in a row.</summary>
    public bool Seen(int first, int second, int next) =>
        first >= 0 && second >= 0 && next >= 0 && _trigrams.ContainsKey(TripleKey(first, second, next));

    private static long TripleKey(long a, long b, long c) => (a << (2 * IdBits)) | (b << IdBits) | c;

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

    private static long ShapeKey(char fold, char shape) => ((long)fold << 16) | shape;

    private double[] Unigrams(long total)
    {
        var p = new double[_words.Length];
        // Tone and vowel shape frequencies of the clean text, for spellings it never used.
        var tones = new double[6];
        var shapes = new LongSums(256);
        var bases = new LongSums(64);
        for (var i = 0; i < _words.Length; i++)
        {
            if (_counts[i] == 0 || _folded[i] is null) continue;
            tones[Tone(_words[i])] += _counts[i];
            foreach (var c in _words[i])
            {
                var fold = OcrChannel.FoldChar(c);
                shapes.Add(ShapeKey(fold, OcrChannel.ShapeChar(c)), _counts[i]);
                bases.Add(fold, _counts[i]);
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
                    s *= (shapes.Get(ShapeKey(b, OcrChannel.ShapeChar(c))) + 0.5) / (bases.Get(b) + 2);
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

    internal static SyllableModel Create(string[] words, int[] counts, bool[] inWordList, Dictionary<(int, int), int> bigrams,
        int[] corpusCounts, Dictionary<(int, int), int> corpusPairs, Dictionary<(int, int, int), int> trigrams,
        Dictionary<(int, int, int), int> corpusTriples, int corpusWeight) =>
        new(words, counts, inWordList, LongTable.From(bigrams.ToDictionary(p => PairKey(p.Key), p => p.Value)), corpusCounts,
            LongTable.From(corpusPairs.ToDictionary(p => PairKey(p.Key), p => p.Value)), LongTable.From(trigrams.ToDictionary(p => TripleKey(p.Key), p => p.Value)),
            LongTable.From(corpusTriples.ToDictionary(p => TripleKey(p.Key), p => p.Value)), corpusWeight);

    private static long PairKey((int A, int B) p) => ((long)p.A << 32) | (uint)p.B;
    private static long TripleKey((int A, int B, int C) t) => TripleKey(t.A, t.B, t.C);
    private static (int, int, int) Triple(long key) => ((int)(key >> (2 * IdBits)), (int)((key >> IdBits) & ((1 << IdBits) - 1)), (int)(key & ((1 << IdBits) - 1)));

    internal void CopyTo(Dictionary<string, int> counts, HashSet<string> listed, Dictionary<(string, string), int> pairs,
        Dictionary<string, int> corpusCounts, Dictionary<(string, string), int> corpusPairs,
        Dictionary<(string, string, string), int> triples, Dictionary<(string, string, string), int> corpusTriples)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            counts[_words[i]] = _counts[i];
            if (_inWordList[i]) listed.Add(_words[i]);
            if (_corpusCounts[i] > 0) corpusCounts[_words[i]] = _corpusCounts[i];
        }
        for (var i = 0; i < _bigrams.Count; i++) pairs[Pair(_bigrams.KeyAt(i))] = _bigrams.ValueAt(i);
        for (var i = 0; i < _corpusPairs.Count; i++) corpusPairs[Pair(_corpusPairs.KeyAt(i))] = _corpusPairs.ValueAt(i);
        for (var i = 0; i < _trigrams.Count; i++) triples[Words(_trigrams.KeyAt(i))] = _trigrams.ValueAt(i);
        for (var i = 0; i < _corpusTriples.Count; i++) corpusTriples[Words(_corpusTriples.KeyAt(i))] = _corpusTriples.ValueAt(i);

        (string, string) Pair(long key) => (_words[key >> 32], _words[(uint)key]);

        (string, string, string) Words(long key)
        {
            var (a, b, c) = Triple(key);
            return (_words[a], _words[b], _words[c]);
        }
    }

    /// <summary>
    /// Writes the data file: gzip'd lines "w syllable count listed" then "b first second count" (ids are
    /// line numbers of the w lines) and "t first second third count", each with a last column, how much of the count the corpus's own
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
        foreach (var (key, n) in _bigrams.PositionsByKey().Select(i => (_bigrams.KeyAt(i), _bigrams.ValueAt(i))))
            writer.WriteLine($"b\t{key >> 32}\t{(uint)key}\t{n.ToString(CultureInfo.InvariantCulture)}{CorpusShare(_corpusPairs.GetValueOrDefault(key))}");
        foreach (var (key, n) in _trigrams.PositionsByKey().Select(i => (_trigrams.KeyAt(i), _trigrams.ValueAt(i))))
        {
            var (a, b, c) = Triple(key);
            writer.WriteLine($"t\t{a}\t{b}\t{c}\t{n.ToString(CultureInfo.InvariantCulture)}{CorpusShare(_corpusTriples.GetValueOrDefault(key))}");
        }

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
        var trigrams = new Dictionary<long, int>();
        var corpusTriples = new Dictionary<long, int>();
        var corpusWeight = 1;
        if (reader.ReadLine() is not (Header or HeaderV2)) throw new FormatException("not a syllable model file (v2 or v3)");
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts is ["corpus-weight", var weight] && int.TryParse(weight, CultureInfo.InvariantCulture, out corpusWeight) && corpusWeight >= 1) continue;
            var fields = parts[0] == "t" ? 5 : 4;
            if (parts.Length != fields && parts.Length != fields + 1) throw new FormatException($"syllable model: bad line \"{line}\"");
            var corpus = parts.Length == fields + 1 ? int.Parse(parts[fields], CultureInfo.InvariantCulture) : 0;
            if (parts[0] == "w")
            {
                words.Add(parts[1]);
                counts.Add(int.Parse(parts[2], CultureInfo.InvariantCulture));
                listed.Add(parts[3] == "L");
                corpusCounts.Add(corpus);
            }
            else if (parts[0] == "b")
            {
                var key = (Id(parts[1]) << 32) | Id(parts[2]);
                bigrams[key] = int.Parse(parts[3], CultureInfo.InvariantCulture);
                if (corpus > 0) corpusPairs[key] = corpus;
            }
            else if (parts[0] == "t")
            {
                var key = TripleKey(Id(parts[1]), Id(parts[2]), Id(parts[3]));
                trigrams[key] = int.Parse(parts[4], CultureInfo.InvariantCulture);
                if (corpus > 0) corpusTriples[key] = corpus;
            }
            else throw new FormatException($"syllable model: bad line \"{line}\"");

            long Id(string field)
            {
                var id = long.Parse(field, CultureInfo.InvariantCulture);
                if (id < 0 || id >= words.Count) throw new FormatException($"syllable model: id {id} out of range in \"{line}\"");
                return id;
            }
        }
        return new SyllableModel(words.ToArray(), counts.ToArray(), listed.ToArray(), LongTable.From(bigrams), corpusCounts.ToArray(), LongTable.From(corpusPairs),
            LongTable.From(trigrams), LongTable.From(corpusTriples), corpusWeight);
    }

    private const string BinaryMagic = "KH57SYLLABLES";
    private const int BinaryVersion = 1;

    /// <summary>
    /// The model as it is held, for a data folder to keep a model built at run time (the shipped one extended with a
    /// deployment's names) and read it back in milliseconds instead of parsing the data file and rebuilding: every
    /// count and table in its order, so the model read back sums and looks up exactly as this one does.
    /// <paramref name="key"/> says what it was built from; <see cref="ReadBinary"/> gives null for another key.
    /// </summary>
    public void WriteBinary(Stream stream, string key)
    {
        BinaryFile.Write(stream, BinaryMagic, BinaryVersion, w => WriteBody(w, key));
    }

    private void WriteBody(BinaryWriter w, string key)
    {
        w.Write(key);
        w.Write(CorpusWeight);
        w.Write(_words.Length);
        for (var i = 0; i < _words.Length; i++)
        {
            w.Write(_words[i]);
            w.Write(_counts[i]);
            w.Write(_inWordList[i]);
            w.Write(_corpusCounts[i]);
        }
        foreach (var table in new[] { _bigrams, _corpusPairs, _trigrams, _corpusTriples }) table.Write(w);
    }

    /// <summary>A model written by <see cref="WriteBinary"/> under <paramref name="key"/>; null for another key, version or a file that is not one.</summary>
    public static SyllableModel? ReadBinary(Stream stream, string key)
    {
        try
        {
            using var r = BinaryFile.Open(stream, BinaryMagic, BinaryVersion, leaveOpen: true);
            if (r is null || r.ReadString() != key) return null;
            var corpusWeight = r.ReadInt32();
            // Counts checked against what the file can hold, so a damaged count is a refusal, not an allocation of gigabytes.
            var left = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
            var n = r.ReadInt32();
            if (n is < 0 or >= 1 << IdBits || n > left) return null;
            var words = new string[n];
            var counts = new int[n];
            var listed = new bool[n];
            var corpusCounts = new int[n];
            for (var i = 0; i < n; i++)
            {
                words[i] = r.ReadString();
                counts[i] = r.ReadInt32();
                listed[i] = r.ReadBoolean();
                corpusCounts[i] = r.ReadInt32();
            }
            var tables = new LongTable[4];
            for (var t = 0; t < tables.Length; t++)
            {
                var count = r.ReadInt32();
                if (count < 0 || count > left / 12) return null;
                tables[t] = LongTable.Read(r, count);
            }
            return new SyllableModel(words, counts, listed, tables[0], corpusCounts, tables[1], tables[2], tables[3], corpusWeight);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
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
