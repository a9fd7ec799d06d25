using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// Checks the "Qdrant" section at start, naming each setting that is wrong and what it should be.
/// </summary>
/// <param name="apiKeyFile">The repository file the API key was read from, if it came from one: refused, as keys
/// belong in the environment or user secrets.</param>
public sealed class QdrantOptionsValidator(string? apiKeyFile = null) : IValidateOptions<QdrantOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            failures.Add($"Qdrant:Url (or QDRANT_URL) must be an absolute http:// or https:// URL of Qdrant's gRPC port, such as http://localhost:{QdrantOptions.DefaultGrpcPort}; got \"{options.Url}\".");
        if (apiKeyFile is not null)
            failures.Add($"Qdrant:ApiKey is set in {apiKeyFile}: keys must not live in the repository. Remove it there and set the environment variable Qdrant__ApiKey (or user secrets) instead.");
        if (string.IsNullOrWhiteSpace(options.Collection) || options.Collection.Any(c => c is '/' or '\\' || char.IsWhiteSpace(c)))
            failures.Add("Qdrant:Collection must be a non-empty name without '/', '\\' or spaces.");
        if (options.BatchSize < 1) failures.Add("Qdrant:BatchSize must be at least 1.");
        if (options.TimeoutSeconds < 1) failures.Add("Qdrant:TimeoutSeconds must be at least 1.");
        if (options.MaxRetries < 0) failures.Add("Qdrant:MaxRetries must be 0 or more.");
        if (options.RetryDelayMilliseconds < 0) failures.Add("Qdrant:RetryDelayMilliseconds must be 0 or more.");
        if (options.ShardNumber < 1) failures.Add("Qdrant:ShardNumber must be at least 1 (1 keeps scores identical to the embedded index).");
        if (options.ReplicationFactor < 1) failures.Add("Qdrant:ReplicationFactor must be at least 1.");
        if (options.WriteConsistencyFactor < 1 || options.WriteConsistencyFactor > options.ReplicationFactor)
            failures.Add($"Qdrant:WriteConsistencyFactor must be between 1 and Qdrant:ReplicationFactor ({options.ReplicationFactor}).");
        if (!QdrantOptions.ParseReadConsistency(options.ReadConsistency, out _))
            failures.Add($"Qdrant:ReadConsistency must be majority, quorum, all or a positive number; got \"{options.ReadConsistency}\".");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
