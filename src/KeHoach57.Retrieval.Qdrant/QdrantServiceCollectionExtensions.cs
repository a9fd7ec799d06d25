using KeHoach57.Retrieval.Qdrant.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers Qdrant as the <see cref="ISearchIndex"/>, configured from the "Qdrant" section (with QDRANT_URL and
    /// QDRANT_API_KEY honoured from the environment), over an HttpClient with the standard resilience pipeline.
    /// </summary>
    public static IServiceCollection AddQdrantSearchIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section));
        services.AddOptions<QdrantOptions>()
            .Bind(configuration.GetSection(QdrantOptions.Section))
            .PostConfigure(options =>
            {
                if (configuration["QDRANT_URL"] is { Length: > 0 } url) options.Url = url;
                if (string.IsNullOrEmpty(options.ApiKey) && configuration["QDRANT_API_KEY"] is { Length: > 0 } key) options.ApiKey = key;
            })
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                "Qdrant:Url (or QDRANT_URL) must be an absolute http:// or https:// URL, such as http://localhost:6333.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Collection) && !o.Collection.Contains('/'),
                "Qdrant:Collection must be a non-empty name without '/'.")
            .Validate(o => o.BatchSize > 0 && o.TimeoutSeconds > 0 && o.MaxRetries >= 1 && o.RetryDelayMilliseconds >= 0,
                "Qdrant:BatchSize and Qdrant:TimeoutSeconds must be positive, Qdrant:MaxRetries at least 1.")
            .Validate(o => o.ShardNumber is null or >= 1 && o.ReplicationFactor is null or >= 1,
                "Qdrant:ShardNumber and Qdrant:ReplicationFactor must be at least 1 when set.");

        services.AddHttpClient(QdrantRestClient.HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<QdrantOptions>>().Value;
                http.BaseAddress = new Uri(options.Url.TrimEnd('/') + "/");
                if (!string.IsNullOrEmpty(options.ApiKey)) http.DefaultRequestHeaders.Add(QdrantRestClient.ApiKeyHeader, options.ApiKey);
                // The resilience pipeline owns timeouts; HttpClient's own 100 s would cut a slow batch's retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The client lives as long as the singleton index, so DNS changes are picked up by recycling pooled
            // connections rather than handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
                ConfigureResilience(resilience, sp.GetRequiredService<IOptions<QdrantOptions>>().Value));

        services.TryAddSingleton(sp => new QdrantRestClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(QdrantRestClient.HttpClientName)));
        services.TryAddSingleton<QdrantSearchIndex>();
        services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<QdrantSearchIndex>());
        return services;
    }

    /// <summary>Retries 5xx, 408, 429 and connection failures with exponential backoff; all requests this backend sends
    /// are idempotent (deterministic point ids, alias delete+create), so retrying any of them is safe.</summary>
    internal static void ConfigureResilience(HttpStandardResilienceOptions resilience, QdrantOptions options)
    {
        var attempt = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds);
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = delay;
        resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        // Every attempt may time out and every backoff may run long (jitter can double it, up to the retry's
        // MaxDelay); the total must leave room for all of them or it would cut the last retries short.
        var cap = resilience.Retry.MaxDelay ?? TimeSpan.FromSeconds(30);
        var backoff = TimeSpan.Zero;
        for (var i = 0; i < options.MaxRetries; i++)
            backoff += 2 * TimeSpan.FromTicks(Math.Min(cap.Ticks, delay.Ticks * (1L << Math.Min(i, 30))));
        resilience.TotalRequestTimeout.Timeout = attempt * (options.MaxRetries + 1) + backoff + TimeSpan.FromSeconds(5);
        // The standard pipeline's validation requires the breaker to sample at least twice the attempt timeout.
        resilience.CircuitBreaker.SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(30) ? attempt * 2 : TimeSpan.FromSeconds(30);
    }
}
