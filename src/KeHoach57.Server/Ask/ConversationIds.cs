using System.Security.Cryptography;
using System.Text;
using KeHoach57.Core;
using KeHoach57.Retrieval;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Ask;

/// <summary>
/// Web conversation ids are issued by the server and bound to the client that received them: 16 random bytes,
/// then a MAC over them and the client (its address and User-Agent) under a server key. An id the server did
/// not issue, or one presented by another client, is not honoured: that request starts a new conversation and
/// gets its own id, so no client can read into or steer someone else's conversation.
/// <para>The key is Server:ConversationKey (environment or user secrets) or, when unset, 32 random bytes kept in
/// the data folder (conversation.key, outside the repository), so ids stay valid across restarts. Replicas
/// (Storage:Provider = postgres) must all be given the same Server:ConversationKey; they refuse to start without
/// one (<see cref="ConversationKeyValidator"/>).</para>
/// </summary>
public sealed class ConversationIds
{
    private const string KeyFile = "conversation.key";
    private readonly byte[] _key;

    public ConversationIds(IOptions<ServerOptions> server, IOptions<IndexOptions> index, ILogger<ConversationIds> logger)
    {
        _key = server.Value.ConversationKey is { Length: >= ServerOptions.MinConversationKeyLength } configured
            ? Encoding.UTF8.GetBytes(configured)
            : LoadOrCreateKey(Path.Combine(RepositoryPaths.Resolve(index.Value.DataPath), KeyFile), logger);
    }

    public static string Client(HttpContext http) =>
        (http.Connection.RemoteIpAddress?.ToString() ?? "-") + "\n" + http.Request.Headers.UserAgent.ToString();

    public string Issue(string client)
    {
        Span<byte> nonce = stackalloc byte[16];
        RandomNumberGenerator.Fill(nonce);
        var hex = Convert.ToHexStringLower(nonce);
        return hex + Mac(hex, client);
    }

    /// <summary>Whether <paramref name="id"/> was issued by this server to <paramref name="client"/>.</summary>
    public bool IsIssuedTo(string id, string client)
    {
        if (id.Length != 64) return false;
        var expected = Mac(id[..32], client);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(id[32..]));
    }

    private string Mac(string nonce, string client) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(nonce + "\n" + client)).AsSpan(0, 16));

    private static byte[] LoadOrCreateKey(string path, ILogger logger)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path) is { Length: 32 } existing) return existing;
            var key = RandomNumberGenerator.GetBytes(32);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, key);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temp, path, overwrite: true);
            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Ids then last only as long as this process: follow-ups across a restart start afresh.
            logger.LogWarning(ex, "Could not keep the conversation id key at {Path}; using a key for this run only", path);
            return RandomNumberGenerator.GetBytes(32);
        }
    }
}
