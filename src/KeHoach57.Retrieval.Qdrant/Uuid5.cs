using System.Security.Cryptography;
using System.Text;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// Name-based UUIDs (RFC 4122 §4.3, version 5, SHA-1). Qdrant point ids must be integers or UUIDs; deriving
/// them from the chunk id makes every upsert of the same chunk land on the same point, so re-sending a
/// batch after a timeout never duplicates anything.
/// </summary>
public static class Uuid5
{
    /// <summary>This project's namespace. Never change it: every stored point id derives from it.</summary>
    public static readonly Guid KeHoach57Namespace = new("ec9de84c-3633-42df-81bc-75b620174aab");

    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        // RFC 4122 hashes the namespace in network byte order, which is not Guid's in-memory layout.
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }

    public static Guid Create(string name) => Create(KeHoach57Namespace, name);
}
