using System.Text;

namespace KeHoach57.Retrieval.Storage;

/// <summary>
/// A sorted list of terms inside a mapped file (UTF-8, ordered by bytes, with their offsets), found by binary search:
/// nothing is built in memory to open it, however many terms it holds.
/// </summary>
public sealed class TermTable
{
    private readonly Slice<int> _offsets;
    private readonly Slice<byte> _bytes;

    private TermTable(Slice<int> offsets, Slice<byte> bytes)
    {
        _offsets = offsets;
        _bytes = bytes;
        if (offsets.Count == 0 || offsets[offsets.Count - 1] != bytes.Count) throw new InvalidDataException("The term table is damaged.");
    }

    public int Count => _offsets.Count - 1;

    public ReadOnlySpan<byte> Utf8(int id) => _bytes.Span[_offsets[id].._offsets[id + 1]];

    public string this[int id] => Encoding.UTF8.GetString(Utf8(id));

    /// <summary>The term's position in the table, or −1.</summary>
    public int Find(string term) => Find(term.AsSpan());

    /// <inheritdoc cref="Find(string)"/>
    public int Find(ReadOnlySpan<char> term)
    {
        Span<byte> buffer = term.Length <= 256 ? stackalloc byte[term.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(term.Length)];
        var key = buffer[..Encoding.UTF8.GetBytes(term, buffer)];
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = Utf8(mid).SequenceCompareTo(key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    public static TermTable Read(BinaryCursor cursor) => new(cursor.Array<int>(), cursor.Array<byte>());

    /// <summary>The terms in the table's order (by UTF-8 bytes), each with its UTF-8 form.</summary>
    public static (string Term, byte[] Utf8)[] Sort(IEnumerable<string> terms)
    {
        var sorted = terms.Select(t => (t, Encoding.UTF8.GetBytes(t))).ToArray();
        Array.Sort(sorted, (a, b) => a.Item2.AsSpan().SequenceCompareTo(b.Item2));
        return sorted;
    }

    public static void Write(BinaryFileWriter writer, IReadOnlyList<(string Term, byte[] Utf8)> sorted)
    {
        var offsets = new int[sorted.Count + 1];
        for (var i = 0; i < sorted.Count; i++) offsets[i + 1] = checked(offsets[i] + sorted[i].Utf8.Length);
        writer.Array<int>(offsets);
        var bytes = new byte[offsets[^1]];
        for (var i = 0; i < sorted.Count; i++) sorted[i].Utf8.CopyTo(bytes, offsets[i]);
        writer.Array<byte>(bytes);
    }
}
