using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>Config section "Qdrant". The API key comes from the environment (Qdrant__ApiKey) or user secrets, never
/// from a file in the repository: <see cref="QdrantOptionsValidator"/> refuses one found in appsettings.</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    /// <summary>Qdrant's gRPC port; 6333 is its REST port, which Qdrant.Client cannot speak.</summary>
    public const int DefaultGrpcPort = 6334;

    public const int RestPort = 6333;

    /// <summary>gRPC endpoint; without a port, <see cref="DefaultGrpcPort"/>. The QDRANT_URL environment variable, when set, wins.</summary>
    public string Url { get; set; } = "http://localhost:6334";

    /// <summary>Sent as the "api-key" header of every call. Set it with Qdrant__ApiKey or user secrets.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Alias readers query. Each build fills "{Collection}-{build key}" and then moves this alias onto it.</summary>
    public string Collection { get; set; } = "kehoach57";

    /// <summary>Points per upsert call.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Deadline of one gRPC call (one attempt); an upsert batch with wait=true is the slowest.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a transient failure (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, a dropped connection),
    /// with exponential backoff and jitter; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Shards per collection. Qdrant computes IDF per shard, so only 1 scores exactly like the embedded index
    /// (docs/qdrant.md, "Clusters").</summary>
    public int ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard (clusters only): a node can fail without losing the index.</summary>
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>Replicas that must apply a write before it counts as done; at most <see cref="ReplicationFactor"/>.</summary>
    public int WriteConsistencyFactor { get; set; } = 1;

    /// <summary>How many replicas a read asks and must agree (fan-out): "majority", "quorum", "all" or a number;
    /// empty leaves it to the server (one replica answers).</summary>
    public string? ReadConsistency { get; set; }

    /// <summary>The endpoint as the channel uses it, with the gRPC port filled in when the URL names none.</summary>
    public Uri Address
    {
        get
        {
            var uri = new Uri(Url, UriKind.Absolute);
            return HasExplicitPort(Url) ? uri : new UriBuilder(uri) { Port = DefaultGrpcPort }.Uri;
        }
    }

    /// <summary>Null when <see cref="ReadConsistency"/> is empty (the server's default).</summary>
    public ReadConsistency? ReadConsistencyRequest => ParseReadConsistency(ReadConsistency, out var parsed) ? parsed : null;

    internal static bool ParseReadConsistency(string? text, out ReadConsistency? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var value = text.Trim().ToLowerInvariant();
        parsed = value switch
        {
            "all" => new ReadConsistency { Type = ReadConsistencyType.All },
            "majority" => new ReadConsistency { Type = ReadConsistencyType.Majority },
            "quorum" => new ReadConsistency { Type = ReadConsistencyType.Quorum },
            _ when ulong.TryParse(value, out var factor) && factor > 0 => new ReadConsistency { Factor = factor },
            _ => null,
        };
        return parsed is not null;
    }

    // Uri hides a port equal to the scheme's default, so "http://host" and "http://host:80" look alike once parsed.
    private static bool HasExplicitPort(string url)
    {
        var authority = url.AsSpan(url.IndexOf("://", StringComparison.Ordinal) + 3);
        var end = authority.IndexOfAny("/?#");
        if (end >= 0) authority = authority[..end];
        var colon = authority.LastIndexOf(':');
        return colon >= 0 && colon > authority.LastIndexOf(']');
    }
}
