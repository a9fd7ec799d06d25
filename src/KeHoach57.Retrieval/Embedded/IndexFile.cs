using System.Text;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Storage;

namespace KeHoach57.Retrieval.Embedded;

/// <summary>What the file says before its arrays: enough to tell whether it is current and what it was built from.</summary>
/// <param name="Removed">Chunk ids deleted since the build: they stay in the arrays but are never returned.</param>
internal sealed record IndexHeader(string Fingerprint, DateTimeOffset BuiltAt, double K1, double B, IReadOnlyList<DocumentInfo> Documents, IReadOnlyList<string> Removed);

/// <summary>
/// The embedded index on disk, version 1: "KH57BM25", the version, where the body starts, the header, then the body
/// as length-prefixed arrays aligned to 8 bytes, opened by mapping the file (<see cref="MappedFile"/>), never parsed:
/// <list type="bullet">
/// <item>the build's average chunk length and chunk count;</item>
/// <item>the terms, sorted by their UTF-8 bytes (<see cref="TermTable"/>), each term's posting range, and its highest weight (MaxScore's bound);</item>
/// <item>the postings: chunk numbers (ascending within a term) and BM25 term weights, computed once here with the header's k1 and b;</item>
/// <item>each chunk's document, the documents in order of first chunk and, when each document's chunks are contiguous, their chunk ranges (the scope filter);</item>
/// <item>the chunks themselves (kind, ordinal, id, document, section, text, context as UTF-8), and the chunk numbers sorted by id.</item>
/// </list>
/// Deleting chunks rewrites the header only; the body is copied as it is.
/// </summary>
internal static class IndexFile
{
    public static ReadOnlySpan<byte> Magic => "KH57BM25"u8;
    public const int Version = 1;

    public static void Write(Stream stream, IndexHeader header, Action<BinaryFileWriter> body)
    {
        var head = new MemoryStream();
        var h = new BinaryFileWriter(head);
        h.String(header.Fingerprint);
        h.Int64(header.BuiltAt.UtcTicks);
        h.Double(header.K1);
        h.Double(header.B);
        h.Int32(header.Documents.Count);
        foreach (var d in header.Documents)
            foreach (var field in new[] { d.Id, d.Title, d.Issuer, d.Number, d.Date, d.Locality, d.Level, d.Source }) h.String(field);
        h.Int32(header.Removed.Count);
        foreach (var id in header.Removed) h.String(id);

        var writer = new BinaryFileWriter(stream);
        writer.Raw(Magic);
        writer.Int32(Version);
        writer.Int32(0);
        writer.Int64(BinaryCursor.Align(24 + head.Length));
        writer.Raw(head.GetBuffer().AsSpan(0, (int)head.Length));
        writer.Pad();
        body(writer);
    }

    public static IndexHeader ReadHeader(BinaryCursor cursor, out long bodyAt)
    {
        if (!cursor.Bytes(8).SequenceEqual(Magic)) throw new InvalidDataException("Not an embedded index file.");
        var version = cursor.Int32();
        if (version != Version) throw new InvalidDataException($"Embedded index format {version}; this build reads {Version}.");
        cursor.Int32();
        bodyAt = cursor.Int64();
        var fingerprint = cursor.String();
        var builtAt = new DateTimeOffset(cursor.Int64(), TimeSpan.Zero);
        var k1 = cursor.Double();
        var b = cursor.Double();
        var documents = new List<DocumentInfo>();
        for (var n = cursor.Int32(); n > 0; n--)
            documents.Add(new DocumentInfo(cursor.String(), cursor.String(), cursor.String(), cursor.String(), cursor.String(), cursor.String(), cursor.String(), cursor.String()));
        var removed = new List<string>();
        for (var n = cursor.Int32(); n > 0; n--) removed.Add(cursor.String());
        return new IndexHeader(fingerprint, builtAt, k1, b, documents, removed);
    }

    /// <summary>The body of a fresh build: postings with their weights, then the chunks.</summary>
    public static void WriteBody(BinaryFileWriter w, IReadOnlyList<IndexedChunk> chunks, double k1, double b)
    {
        var average = chunks.Count == 0 ? 1 : chunks.Average(c => c.Terms.Count);
        w.Double(average);
        w.Int32(chunks.Count);

        // Terms numbered as first seen, each chunk's distinct terms with their counts, and how many chunks hold each term.
        // A chunk's terms are counted in arrays indexed by term number (the chunk that last met a term, and where its count
        // is), not in a dictionary per chunk: this loop meets every term of the corpus, tens of millions at 100,000 chunks.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var frequency = new List<int>();
        var lastChunk = new List<int>();
        var slot = new List<int>();
        var perChunk = new (int[] Terms, int[] Counts)[chunks.Count];
        var distinct = new List<int>();
        var tally = new List<int>();
        for (var c = 0; c < chunks.Count; c++)
        {
            distinct.Clear();
            tally.Clear();
            foreach (var term in chunks[c].Terms)
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    ids[term] = id = ids.Count;
                    frequency.Add(0);
                    lastChunk.Add(-1);
                    slot.Add(0);
                }
                if (lastChunk[id] == c) tally[slot[id]]++;
                else
                {
                    lastChunk[id] = c;
                    slot[id] = distinct.Count;
                    distinct.Add(id);
                    tally.Add(1);
                    frequency[id]++;
                }
            }
            perChunk[c] = (distinct.ToArray(), tally.ToArray());
        }
        var sorted = TermTable.Sort(ids.Keys);
        var rank = new int[ids.Count];
        for (var r = 0; r < sorted.Length; r++) rank[ids[sorted[r].Term]] = r;
        var starts = new long[sorted.Length + 1];
        for (var r = 0; r < sorted.Length; r++) starts[r + 1] = starts[r] + frequency[ids[sorted[r].Term]];

        var postingChunks = new int[starts[^1]];
        var postingWeights = new float[starts[^1]];
        var maxWeight = new float[sorted.Length];
        var fill = (long[])starts.Clone();
        for (var c = 0; c < chunks.Count; c++)
        {
            var length = chunks[c].Terms.Count;
            var (terms, tf) = perChunk[c];
            for (var k = 0; k < terms.Length; k++)
            {
                var r = rank[terms[k]];
                var weight = (float)Bm25.TermWeight(tf[k], length, average, k1, b);
                postingChunks[fill[r]] = c;
                postingWeights[fill[r]++] = weight;
                if (weight > maxWeight[r]) maxWeight[r] = weight;
            }
        }
        TermTable.Write(w, sorted);
        w.Array<long>(starts);
        w.Array<float>(maxWeight);
        w.Array<int>(postingChunks);
        w.Array<float>(postingWeights);

        var docs = new List<string>();
        var docIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var chunkDoc = new int[chunks.Count];
        var contiguous = true;
        for (var c = 0; c < chunks.Count; c++)
        {
            var doc = chunks[c].Chunk.DocId;
            if (!docIndex.TryGetValue(doc, out var d)) { docIndex[doc] = d = docs.Count; docs.Add(doc); }
            else if (chunkDoc[c - 1] != d) contiguous = false;
            chunkDoc[c] = d;
        }
        w.Array<int>(chunkDoc);
        w.Int32(docs.Count);
        foreach (var doc in docs) w.String(doc);
        var ranges = new int[contiguous ? docs.Count + 1 : 0];
        if (contiguous)
            for (var c = 0; c < chunks.Count; c++) ranges[chunkDoc[c] + 1] = c + 1;
        w.Array<int>(ranges);

        var offsets = new long[chunks.Count + 1];
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c].Chunk;
            offsets[c + 1] = offsets[c] + 5 + 5 * 4 + Fields(chunk).Sum(f => (long)Encoding.UTF8.GetByteCount(f));
        }
        w.Array<long>(offsets);
        w.ArrayHeader(offsets[^1]);
        var buffer = new MemoryStream();
        var record = new BinaryFileWriter(buffer);
        foreach (var indexed in chunks)
        {
            buffer.SetLength(0);
            buffer.Position = 0;
            record.Raw([(byte)indexed.Chunk.Kind]);
            record.Int32(indexed.Chunk.Ordinal);
            foreach (var field in Fields(indexed.Chunk)) record.String(field);
            w.Raw(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        var byId = Enumerable.Range(0, chunks.Count).ToArray();
        var idBytes = chunks.Select(c => Encoding.UTF8.GetBytes(c.Chunk.Id)).ToArray();
        Array.Sort(byId, (x, y) => idBytes[x].AsSpan().SequenceCompareTo(idBytes[y]) is var c && c != 0 ? c : x.CompareTo(y));
        w.Array<int>(byId);
    }

    private static string[] Fields(Chunk chunk) => [chunk.Id, chunk.DocId, chunk.Section, chunk.Text, chunk.Context];
}
