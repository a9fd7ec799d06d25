using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeHoach57.Channels.Zalo;

/// <param name="ExpiresAt">When the access token stops working; <see cref="DateTimeOffset.MaxValue"/> when unknown
/// (a bootstrap token is used until Zalo rejects it).</param>
public sealed record ZaloTokenPair(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

/// <summary>
/// The rotating token pair on disk. Zalo's refresh token is single-use, so losing the newest pair means
/// re-authorising the OA by hand: each save writes a temporary file, flushes it to disk and renames it over
/// the old one, so the file always holds either the previous pair or the new one, never half of either.
/// </summary>
public sealed class ZaloTokenStore(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public ZaloTokenPair? Load()
    {
        if (!File.Exists(Path)) return null;
        var pair = JsonSerializer.Deserialize<ZaloTokenPair>(File.ReadAllBytes(Path), Json);
        return string.IsNullOrEmpty(pair?.RefreshToken) ? null : pair;
    }

    public void Save(ZaloTokenPair pair)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                JsonSerializer.Serialize(stream, pair, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
