using System.Collections.Concurrent;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Storage;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Query;

/// <summary>
/// The words the corpus actually contains, so a clean query word can find its OCR-damaged spellings.
/// Built from the corpus itself (always on disk, whatever the index backend), so the embedded index
/// and Qdrant receive the same expanded query. Kept in the data folder as a binary file
/// (<see cref="VocabularyFile"/>) for the corpus and analyzer it was built from, so a start maps it
/// instead of analyzing every chunk again.
/// </summary>
public sealed class Vocabulary
{
    public const string FileName = "vocabulary.bin";

    private readonly Func<string, int> _documentFrequency;
    private readonly SpanFrequency _spanFrequency;
    private readonly Func<int, string[]> _wordsOfLength;
    private readonly ConcurrentDictionary<int, string[]> _byLength = new();
    private readonly int _chunks;
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Word, double Similarity)>> _cache = new();

    /// <summary>Analyzes the corpus now, in memory.</summary>
    public Vocabulary(Corpus corpus, VietnameseAnalyzer analyzer)
        : this(InMemory(Count(corpus.Chunks.Select(c => analyzer.Terms(CorpusIndexer.IndexedText(c))))))
    {
    }

    /// <summary>
    /// The vocabulary of <paramref name="corpus"/> from the data folder when the file there was built from this corpus and
    /// analyzer; otherwise analyzed now and written there for the next start.
    /// </summary>
    public Vocabulary(Corpus corpus, VietnameseAnalyzer analyzer, IOptions<IndexOptions> options)
        : this(Open(corpus, analyzer, RepositoryPaths.Resolve(options.Value.DataPath)))
    {
    }

    private delegate int SpanFrequency(ReadOnlySpan<char> term);

    /// <summary>Where the words come from: the document frequency of a term (as a string or as chars), the letter words of a
    /// length, the chunk count.</summary>
    private sealed record Source(Func<string, int> DocumentFrequency, SpanFrequency SpanFrequency, Func<int, string[]> WordsOfLength, int Chunks);

    private Vocabulary(Source source)
    {
        _documentFrequency = source.DocumentFrequency;
        _spanFrequency = source.SpanFrequency;
        _wordsOfLength = source.WordsOfLength;
        _chunks = source.Chunks;
    }

    private static Source InMemory((Dictionary<string, int> Frequency, int Chunks) counted)
    {
        var (frequency, chunks) = counted;
        var byLength = frequency.Keys.Where(IsWord).GroupBy(t => t.Length).ToDictionary(g => g.Key, g => g.ToArray());
        var bySpan = frequency.GetAlternateLookup<ReadOnlySpan<char>>();
        return new Source(term => frequency.GetValueOrDefault(term), term => bySpan.TryGetValue(term, out var n) ? n : 0,
            length => byLength.GetValueOrDefault(length) ?? [], chunks);
    }

    private static Source Open(Corpus corpus, VietnameseAnalyzer analyzer, string folder)
    {
        var path = Path.Combine(folder, FileName);
        var fingerprint = CorpusIndexer.FingerprintOf(corpus, analyzer);
        if (VocabularyFile.TryOpen(path, fingerprint) is { } file) return new Source(file.DocumentFrequency, file.DocumentFrequency, file.WordsOfLength, file.Chunks);
        var counted = Count(corpus.Chunks.Select(c => analyzer.Terms(CorpusIndexer.IndexedText(c))));
        try
        {
            VocabularyFile.Write(path, fingerprint, counted.Frequency, counted.Chunks);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only data folder only costs this analysis again at the next start.
        }
        return InMemory(counted);
    }

    /// <summary>Writes the vocabulary of chunks analyzed elsewhere (an index build), so the next <see cref="Open"/> maps it.</summary>
    public static void Write(string folder, string fingerprint, IEnumerable<IReadOnlyList<string>> chunkTerms)
    {
        var (frequency, chunks) = Count(chunkTerms);
        VocabularyFile.Write(Path.Combine(folder, FileName), fingerprint, frequency, chunks);
    }

    private static (Dictionary<string, int> Frequency, int Chunks) Count(IEnumerable<IReadOnlyList<string>> chunkTerms)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var chunks = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var terms in chunkTerms)
        {
            chunks++;
            seen.Clear();
            foreach (var term in terms)
                if (seen.Add(term)) frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }
        return (frequency, chunks);
    }

    /// <summary>Words a query word may be an OCR spelling of: letters only, not a bigram.</summary>
    internal static bool IsWord(string term) => term.Length > 0 && char.IsLetter(term[0]) && !term.Contains('_');

    public bool Contains(string term) => _documentFrequency(term) > 0;

    /// <summary>Whether the corpus has the bigram of <paramref name="a"/> and <paramref name="b"/>
    /// (<see cref="VietnameseAnalyzer.Bigram"/>), without building that string: a question's OCR variants make dozens of
    /// pairs a question, and most are not in the corpus.</summary>
    public bool ContainsBigram(string a, string b)
    {
        var length = a.Length + 1 + b.Length;
        Span<char> pair = length <= 256 ? stackalloc char[length] : new char[length];
        a.CopyTo(pair);
        pair[a.Length] = '_';
        b.CopyTo(pair[(a.Length + 1)..]);
        return _spanFrequency(pair) > 0;
    }

    /// <summary>How telling a word is in this corpus (BM25's IDF); an unseen word is as telling as the rarest.</summary>
    public double Idf(string term) => Bm25.Idf(Math.Max(_chunks, 1), Math.Max(_documentFrequency(term), 1));

    /// <summary>Corpus words within the OCR distance of <paramref name="word"/>, most similar first (the word itself excluded).</summary>
    public IReadOnlyList<(string Word, double Similarity)> Variants(string word, int max = 8)
    {
        if (_cache.TryGetValue(word, out var cached)) return cached;
        var threshold = OcrDistance.Threshold(word.Length);
        var found = new List<(string, double)>();
        if (threshold > 0 && word.All(char.IsLetter))
        {
            for (var length = Math.Max(1, word.Length - 2); length <= word.Length + 2; length++)
            {
                foreach (var candidate in _byLength.GetOrAdd(length, _wordsOfLength))
                {
                    if (candidate == word) continue;
                    var d = OcrDistance.Between(word, candidate, threshold);
                    if (d <= threshold) found.Add((candidate, 1 - d / (threshold + 0.5)));
                }
            }
        }
        IReadOnlyList<(string, double)> result = found
            .OrderByDescending(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal).Take(max).ToList();
        if (_cache.Count < 50_000) _cache[word] = result;
        return result;
    }
}

/// <summary>
/// The vocabulary on disk, format 1: "KH57VOCB", the version, the fingerprint it was built from, the chunk count, every
/// term (<see cref="TermTable"/>) with its document frequency, and the letter words again grouped by length (what
/// <see cref="Vocabulary.Variants"/> scans), each group decoded only when first scanned. Written atomically.
/// </summary>
internal sealed class VocabularyFile
{
    private static ReadOnlySpan<byte> Magic => "KH57VOCB"u8;
    private const int Version = 1;

    private readonly MappedFile _file;
    private readonly TermTable _terms;
    private readonly Slice<int> _frequency;
    private readonly TermTable _words;
    private readonly Slice<int> _lengthStarts;

    public int Chunks { get; }

    private VocabularyFile(MappedFile file, BinaryCursor cursor)
    {
        _file = file;
        Chunks = cursor.Int32();
        _terms = TermTable.Read(cursor);
        _frequency = cursor.Array<int>();
        _words = TermTable.Read(cursor);
        _lengthStarts = cursor.Array<int>();
        if (_frequency.Count != _terms.Count || _lengthStarts.Count == 0 || _lengthStarts[_lengthStarts.Count - 1] != _words.Count)
            throw new InvalidDataException("The vocabulary file's arrays do not fit together.");
    }

    /// <summary>The file at <paramref name="path"/> when it exists, is whole and was built from <paramref name="fingerprint"/>.</summary>
    public static VocabularyFile? TryOpen(string path, string fingerprint)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var file = new MappedFile(path);
            var cursor = file.Cursor();
            if (!cursor.Bytes(8).SequenceEqual(Magic) || cursor.Int32() != Version || cursor.String() != fingerprint) return null;
            return new VocabularyFile(file, cursor);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public int DocumentFrequency(string term) => DocumentFrequency(term.AsSpan());

    public int DocumentFrequency(ReadOnlySpan<char> term)
    {
        var id = _terms.Find(term);
        var frequency = id < 0 ? 0 : _frequency[id];
        GC.KeepAlive(this);
        return frequency;
    }

    public string[] WordsOfLength(int length)
    {
        if (length + 1 >= _lengthStarts.Count) return [];
        var words = new string[_lengthStarts[length + 1] - _lengthStarts[length]];
        for (var i = 0; i < words.Length; i++) words[i] = _words[_lengthStarts[length] + i];
        GC.KeepAlive(this);
        return words;
    }

    public static void Write(string path, string fingerprint, Dictionary<string, int> frequency, int chunks)
    {
        var terms = TermTable.Sort(frequency.Keys);
        // Letter words by length (in UTF-16 units, as Variants measures), each length's run in table order: this second
        // table is read by position only, never searched.
        var words = TermTable.Sort(frequency.Keys.Where(Vocabulary.IsWord));
        var ordered = words.OrderBy(w => w.Term.Length).ToArray();
        var maxLength = ordered.Length == 0 ? 0 : ordered[^1].Term.Length;
        var starts = new int[maxLength + 2];
        foreach (var (term, _) in ordered) starts[term.Length + 1]++;
        for (var l = 1; l < starts.Length; l++) starts[l] += starts[l - 1];
        AtomicFile.Write(path, stream =>
        {
            var w = new BinaryFileWriter(stream);
            w.Raw(Magic);
            w.Int32(Version);
            w.String(fingerprint);
            w.Int32(chunks);
            TermTable.Write(w, terms);
            w.Array<int>(terms.Select(t => frequency[t.Term]).ToArray());
            TermTable.Write(w, ordered);
            w.Array<int>(starts);
        });
    }
}
