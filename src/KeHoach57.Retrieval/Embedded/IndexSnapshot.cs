using System.Text;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Storage;

namespace KeHoach57.Retrieval.Embedded;

/// <summary>
/// One opened index file: its arrays read in place from the mapping, chunks decoded only when returned. Searching
/// touches only what it must: a scope is a set of chunk ranges cut out of each posting list by binary search before
/// anything is scored; without a scope, MaxScore skips the chunks that only common terms match once the top
/// <see cref="SearchRequest.Limit"/> is settled. Scores are summed in the request's term order, so they and the
/// ranking (score, then build order) are exactly those of scoring every posting.
/// </summary>
internal sealed class IndexSnapshot
{
    private readonly MappedFile _file;
    private readonly long _bodyAt;
    private readonly TermTable _terms;
    private readonly Slice<long> _starts;
    private readonly Slice<float> _maxWeight;
    private readonly Slice<int> _postingChunks;
    private readonly Slice<float> _postingWeights;
    private readonly Slice<int> _chunkDoc;
    private readonly Slice<int> _docRanges;
    private readonly Slice<long> _chunkOffsets;
    private readonly Slice<byte> _chunkBytes;
    private readonly Slice<int> _byId;
    private readonly int _chunkCount;
    private readonly Dictionary<string, List<int>> _docsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool[]? _removed;
    private readonly int _live;
    private Dictionary<int, int>? _removedPerTerm;
    private readonly Chunk?[] _decoded;

    public IndexHeader Header { get; }
    public IndexStatus Status { get; }

    public IndexSnapshot(string path)
    {
        _file = new MappedFile(path);
        var cursor = _file.Cursor();
        Header = IndexFile.ReadHeader(cursor, out _bodyAt);
        cursor = _file.Cursor(_bodyAt);
        cursor.Double();
        _chunkCount = cursor.Int32();
        _terms = TermTable.Read(cursor);
        _starts = cursor.Array<long>();
        _maxWeight = cursor.Array<float>();
        _postingChunks = cursor.Array<int>();
        _postingWeights = cursor.Array<float>();
        _chunkDoc = cursor.Array<int>();
        var docs = cursor.Int32();
        for (var d = 0; d < docs; d++)
        {
            var name = cursor.String();
            if (!_docsByName.TryGetValue(name, out var list)) _docsByName[name] = list = [];
            list.Add(d);
        }
        _docRanges = cursor.Array<int>();
        _chunkOffsets = cursor.Array<long>();
        _chunkBytes = cursor.Array<byte>();
        _byId = cursor.Array<int>();
        if (_starts.Count != _terms.Count + 1 || _maxWeight.Count != _terms.Count || _postingWeights.Count != _postingChunks.Count
            || _starts[_terms.Count] != _postingChunks.Count || _chunkDoc.Count != _chunkCount || _chunkOffsets.Count != _chunkCount + 1
            || _byId.Count != _chunkCount || (_docRanges.Count != 0 && _docRanges.Count != docs + 1))
            throw new InvalidDataException("The embedded index's arrays do not fit together.");
        _decoded = new Chunk?[_chunkCount];

        _live = _chunkCount;
        if (Header.Removed.Count > 0)
        {
            _removed = new bool[_chunkCount];
            foreach (var id in Header.Removed)
                foreach (var at in All(id))
                    if (!_removed[at]) { _removed[at] = true; _live--; }
        }
        Status = new IndexStatus(Header.Fingerprint, Header.Documents.Count, _live, Header.BuiltAt);
    }

    /// <summary>The file's body, for a rewrite that changes only the header.</summary>
    public unsafe void CopyBody(BinaryFileWriter writer)
    {
        for (var at = _bodyAt; at < _file.Length; at += 1 << 30)
            writer.Raw(new ReadOnlySpan<byte>(_file.Pointer + at, (int)Math.Min(1 << 30, _file.Length - at)));
        GC.KeepAlive(this);
    }

    public bool Contains(string id)
    {
        var at = Find(id);
        return at >= 0 && _removed?[at] != true;
    }

    public Chunk? ChunkById(string id)
    {
        var at = Find(id);
        return at < 0 || _removed?[at] == true ? null : ChunkAt(at);
    }

    /// <summary>The number in the build of the chunk with this id (the first built, should several share it), or −1.</summary>
    private int Find(string id) => All(id).DefaultIfEmpty(-1).First();

    /// <summary>Every chunk with this id, in build order.</summary>
    private List<int> All(string id)
    {
        var key = Encoding.UTF8.GetBytes(id);
        int lo = 0, hi = _chunkCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (IdBytes(_byId[mid]).SequenceCompareTo(key) < 0) lo = mid + 1; else hi = mid;
        }
        var found = new List<int>();
        for (; lo < _chunkCount && IdBytes(_byId[lo]).SequenceEqual(key); lo++) found.Add(_byId[lo]);
        GC.KeepAlive(this);
        return found;
    }

    private ReadOnlySpan<byte> IdBytes(int chunk)
    {
        var record = _chunkBytes.Span[(int)_chunkOffsets[chunk]..];
        var length = BitConverter.ToInt32(record[5..]);
        return record.Slice(9, length);
    }

    private Chunk ChunkAt(int at)
    {
        if (_decoded[at] is { } done) return done;
        var record = _chunkBytes.Span[(int)_chunkOffsets[at]..(int)_chunkOffsets[at + 1]];
        var kind = (ChunkKind)record[0];
        var ordinal = BitConverter.ToInt32(record[1..]);
        var fields = new string[5];
        for (int f = 0, position = 5; f < fields.Length; f++)
        {
            var length = BitConverter.ToInt32(record[position..]);
            fields[f] = Encoding.UTF8.GetString(record.Slice(position + 4, length));
            position += 4 + length;
        }
        var chunk = new Chunk(fields[0], fields[1], fields[2], fields[3], kind, fields[4], ordinal);
        GC.KeepAlive(this);
        return _decoded[at] = chunk;
    }

    public IReadOnlyList<SearchHit> Search(SearchRequest request)
    {
        if (request.Limit <= 0 || _live == 0) return [];
        var terms = new List<QueryTerm>(request.Terms.Count);
        for (var p = 0; p < request.Terms.Count; p++)
        {
            var (term, weight) = request.Terms[p];
            var id = _terms.Find(term);
            if (id < 0) continue;
            var start = (int)_starts[id];
            var count = (int)(_starts[id + 1] - start);
            var frequency = count - RemovedIn(id);
            if (frequency <= 0) continue;
            var factor = weight * Bm25.Idf(_live, frequency);
            terms.Add(new QueryTerm(p, factor, factor * _maxWeight[id], start, count));
        }
        List<(double Score, int Chunk)> top;
        if (request.DocIds is { Count: > 0 } docIds)
            top = _docRanges.Count > 0 ? InRanges(terms, Ranges(docIds), request.Limit) : Filtered(terms, Allowed(docIds), request.Limit);
        else
            top = MaxScore(terms, request.Terms.Count, request.Limit);
        var hits = top.Select(t => new SearchHit(ChunkAt(t.Chunk), t.Score)).ToList();
        GC.KeepAlive(this);
        return hits;
    }

    /// <param name="Position">Where the term stands in the request: contributions are summed in that order.</param>
    /// <param name="Factor">Query weight × IDF: a posting contributes Factor × its term weight.</param>
    /// <param name="Bound">The most this term adds to any chunk's score.</param>
    private sealed record QueryTerm(int Position, double Factor, double Bound, int Start, int Count);

    private int RemovedIn(int term)
    {
        if (_removed is null) return 0;
        if (_removedPerTerm is null)
        {
            // Once per opening, only when chunks were deleted: how many deleted chunks hold each term (their IDF drops them).
            var perTerm = new Dictionary<int, int>();
            for (var t = 0; t < _terms.Count; t++)
                for (var i = _starts[t]; i < _starts[t + 1]; i++)
                    if (_removed[_postingChunks[(int)i]]) perTerm[t] = perTerm.GetValueOrDefault(t) + 1;
            _removedPerTerm = perTerm;
        }
        return _removedPerTerm.GetValueOrDefault(term);
    }

    private List<(int Start, int End)> Ranges(IReadOnlyList<string> docIds)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var name in docIds.Distinct(StringComparer.OrdinalIgnoreCase))
            if (_docsByName.TryGetValue(name, out var docs))
                foreach (var d in docs) ranges.Add((_docRanges[d], _docRanges[d + 1]));
        ranges.Sort();
        return ranges;
    }

    private bool[] Allowed(IReadOnlyList<string> docIds)
    {
        var allowed = new bool[_docsByName.Values.Sum(v => v.Count)];
        foreach (var name in docIds)
            if (_docsByName.TryGetValue(name, out var docs))
                foreach (var d in docs) allowed[d] = true;
        return allowed;
    }

    /// <summary>A scope whose documents each hold one run of chunks: only the postings inside those runs are read.</summary>
    private List<(double, int)> InRanges(List<QueryTerm> terms, List<(int Start, int End)> ranges, int limit)
    {
        var found = new List<(double, int)>();
        foreach (var (from, to) in ranges)
        {
            if (to <= from) continue;
            var scores = new double[to - from];
            var touched = new bool[to - from];
            foreach (var t in terms)
            {
                var chunks = _postingChunks.Span.Slice(t.Start, t.Count);
                var weights = _postingWeights.Span.Slice(t.Start, t.Count);
                for (var i = LowerBound(chunks, 0, from); i < chunks.Length && chunks[i] < to; i++)
                {
                    if (_removed?[chunks[i]] == true) continue;
                    scores[chunks[i] - from] += t.Factor * weights[i];
                    touched[chunks[i] - from] = true;
                }
            }
            for (var k = 0; k < scores.Length; k++)
                if (touched[k]) found.Add((scores[k], from + k));
        }
        return Best(found, limit);
    }

    /// <summary>A scope over documents whose chunks are interleaved (a build not grouped by document): each posting is checked.</summary>
    private List<(double, int)> Filtered(List<QueryTerm> terms, bool[] allowed, int limit)
    {
        var scores = new Dictionary<int, double>();
        foreach (var t in terms)
        {
            var chunks = _postingChunks.Span.Slice(t.Start, t.Count);
            var weights = _postingWeights.Span.Slice(t.Start, t.Count);
            for (var i = 0; i < chunks.Length; i++)
                if (allowed[_chunkDoc[chunks[i]]] && _removed?[chunks[i]] != true)
                    scores[chunks[i]] = scores.GetValueOrDefault(chunks[i]) + t.Factor * weights[i];
        }
        return Best(scores.Select(s => (s.Value, s.Key)).ToList(), limit);
    }

    private static List<(double, int)> Best(List<(double Score, int Chunk)> found, int limit)
    {
        found.Sort(Ranking);
        if (found.Count > limit) found.RemoveRange(limit, found.Count - limit);
        return found;
    }

    /// <summary>Higher score first; on a tie, the chunk built first.</summary>
    private static int Ranking((double Score, int Chunk) a, (double Score, int Chunk) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Chunk.CompareTo(b.Chunk);

    /// <summary>
    /// Document-at-a-time over all chunks with MaxScore (Turtle and Flood): terms ordered by the most they can add; once
    /// the top <paramref name="limit"/> is full, the terms whose bounds together cannot lift a chunk past the last of it
    /// stop driving the walk and are only looked up (by galloping search) for chunks the others found, and a chunk is
    /// dropped as soon as what it still could gain cannot place it. Chunks come in build order, so a later chunk that
    /// only ties the last place never takes it: exactly the ranking of scoring everything.
    /// </summary>
    private List<(double, int)> MaxScore(List<QueryTerm> terms, int positions, int limit)
    {
        var n = terms.Count;
        if (n == 0) return [];
        terms.Sort((a, b) => a.Bound.CompareTo(b.Bound));
        var below = new double[n];
        for (var i = 0; i < n; i++) below[i] = (i > 0 ? below[i - 1] : 0) + terms[i].Bound * (1 + 1e-9);
        var cursor = new int[n];
        var contribution = new double[positions];
        // The positions a chunk matched (each term once): the score sums them in position order, instead of walking
        // every position of an expanded query (a hundred or so) for every chunk and clearing them all after.
        var touched = new int[n];
        var matched = 0;
        var heap = new PriorityQueue<int, (double Score, int Chunk)>(limit + 1, Worse.Instance);
        var threshold = double.NegativeInfinity;
        var essential = 0;
        var chunks = _postingChunks.Span;
        var weights = _postingWeights.Span;

        while (true)
        {
            var doc = int.MaxValue;
            for (var i = essential; i < n; i++)
                if (cursor[i] < terms[i].Count && chunks[terms[i].Start + cursor[i]] < doc) doc = chunks[terms[i].Start + cursor[i]];
            if (doc == int.MaxValue) break;

            var partial = 0.0;
            for (var i = essential; i < n; i++)
            {
                var t = terms[i];
                if (cursor[i] < t.Count && chunks[t.Start + cursor[i]] == doc)
                {
                    var c = t.Factor * weights[t.Start + cursor[i]];
                    contribution[t.Position] = c;
                    touched[matched++] = t.Position;
                    partial += c;
                    cursor[i]++;
                }
            }
            var dropped = _removed?[doc] == true;
            for (var i = essential - 1; i >= 0 && !dropped; i--)
            {
                // Inflated a little, so that rounding in a sum taken in another order never drops a chunk that places.
                if ((partial + below[i]) * (1 + 1e-9) <= threshold) { dropped = true; break; }
                var t = terms[i];
                cursor[i] = Gallop(chunks.Slice(t.Start, t.Count), cursor[i], doc);
                if (cursor[i] < t.Count && chunks[t.Start + cursor[i]] == doc)
                {
                    var c = t.Factor * weights[t.Start + cursor[i]];
                    contribution[t.Position] = c;
                    touched[matched++] = t.Position;
                    partial += c;
                }
            }
            if (!dropped)
            {
                // Summed in position order, as over every position: the same score to the last bit.
                for (var a = 1; a < matched; a++)
                    for (var b = a; b > 0 && touched[b - 1] > touched[b]; b--) (touched[b - 1], touched[b]) = (touched[b], touched[b - 1]);
                var score = 0.0;
                for (var k = 0; k < matched; k++) score += contribution[touched[k]];
                if (heap.Count < limit) heap.Enqueue(doc, (score, doc));
                else if (heap.TryPeek(out _, out var last) && Worse.Instance.Compare(last, (score, doc)) < 0)
                    heap.EnqueueDequeue(doc, (score, doc));
                if (heap.Count == limit && heap.TryPeek(out _, out var floor))
                {
                    threshold = floor.Score;
                    while (essential < n && below[essential] <= threshold) essential++;
                }
            }
            matched = 0;
        }
        var result = new List<(double, int)>(heap.Count);
        while (heap.TryDequeue(out var chunk, out var key)) result.Add((key.Score, chunk));
        result.Reverse();
        return result;
    }

    /// <summary>The heap's order: its head is the result that would be dropped first.</summary>
    private sealed class Worse : IComparer<(double Score, int Chunk)>
    {
        public static readonly Worse Instance = new();
        public int Compare((double Score, int Chunk) a, (double Score, int Chunk) b) => -Ranking(a, b);
    }

    /// <summary>The first position at or after <paramref name="from"/> whose chunk is not below <paramref name="target"/>.</summary>
    private static int Gallop(ReadOnlySpan<int> chunks, int from, int target)
    {
        if (from >= chunks.Length || chunks[from] >= target) return from;
        var step = 1;
        var hi = from + 1;
        while (hi < chunks.Length && chunks[hi] < target)
        {
            from = hi;
            step <<= 1;
            hi = from + step;
        }
        return LowerBound(chunks[..Math.Min(hi + 1, chunks.Length)], from, target);
    }

    private static int LowerBound(ReadOnlySpan<int> chunks, int from, int target)
    {
        int lo = from, hi = chunks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (chunks[mid] < target) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
