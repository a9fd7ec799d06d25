using System.Security.Cryptography;
using System.Text;

namespace KeHoach57.Channels.Zalo;

/// <summary>
/// Zalo's webhook MAC: X-ZEvent-Signature = "mac=" + hex(SHA-256(app_id + raw body + timestamp + OA secret key)),
/// with app_id and timestamp taken from the event itself. Computed over the raw bytes as received.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";
    private const string Prefix = "mac=";

    public static string Compute(string appId, ReadOnlySpan<byte> body, string timestamp, string secretKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(body);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(secretKey));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string HeaderValue(string appId, ReadOnlySpan<byte> body, string timestamp, string secretKey) =>
        Prefix + Compute(appId, body, timestamp, secretKey);

    /// <summary>Accepts the MAC with or without the "mac=" prefix, any hex case; compares in constant time.</summary>
    public static bool Verify(string? header, string appId, ReadOnlySpan<byte> body, string timestamp, string secretKey)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secretKey)) return false;
        var presented = header.Trim();
        if (presented.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) presented = presented[Prefix.Length..].Trim();
        var expected = Compute(appId, body, timestamp, secretKey);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented.ToLowerInvariant()));
    }
}
