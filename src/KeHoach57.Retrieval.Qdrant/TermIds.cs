using System.Text;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// Sparse dimension ids for analyzer terms: 32-bit FNV-1a of the term's UTF-8 bytes. Stable across
/// processes and machines (unlike string.GetHashCode), so an index built by one process is queried by
/// another; with vocabularies of tens of thousands of terms, collisions are too rare to move a ranking.
/// </summary>
public static class TermIds
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var max = Encoding.UTF8.GetMaxByteCount(term.Length);
        Span<byte> bytes = max <= 256 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(term, bytes);
        var hash = OffsetBasis;
        foreach (var b in bytes[..length])
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }
}
