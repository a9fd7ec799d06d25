namespace KeHoach57.Retrieval.Qdrant;

/// <summary>Config section "Qdrant". The API key comes from the environment or user secrets, never from a file in the repository.</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    /// <summary>REST endpoint. The QDRANT_URL environment variable, when set, wins over this.</summary>
    public string Url { get; set; } = "http://localhost:6333";

    /// <summary>Sent as the "api-key" header. Set it with Qdrant__ApiKey (or QDRANT_API_KEY) or user secrets.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Alias readers query. Each build fills "{Collection}-{build key}" and then moves this alias onto it.</summary>
    public string Collection { get; set; } = "kehoach57";

    /// <summary>Null leaves it to the server (1 standalone, node count in a cluster). Qdrant computes IDF per shard,
    /// so only one shard scores exactly like the embedded index.</summary>
    public int? ShardNumber { get; set; }

    public int? ReplicationFactor { get; set; }

    /// <summary>Points per upsert request.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Per-attempt timeout of one HTTP request; an upsert batch with wait=true is the slowest.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a failed request (503, 429, timeouts, connection errors), with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 500;
}
