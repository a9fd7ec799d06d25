using KeHoach57.Retrieval.Qdrant.Api;
using KeHoach57.Retrieval.Qdrant.Tests.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Qdrant.Tests.Support;

public static class Harness
{
    public static QdrantOptions Options(int batchSize = 256, int? shards = null, int? replicas = null) =>
        new() { Collection = "kehoach57", BatchSize = batchSize, ShardNumber = shards, ReplicationFactor = replicas };

    /// <summary>The index straight over the fake, without the resilience pipeline (tests of retries use <see cref="Services"/>).</summary>
    public static QdrantSearchIndex Index(RecordedQdrant qdrant, QdrantOptions? options = null) =>
        new(new QdrantRestClient(qdrant.CreateClient()),
            Microsoft.Extensions.Options.Options.Create(options ?? Options()),
            Microsoft.Extensions.Options.Options.Create(new IndexOptions()),
            NullLogger<QdrantSearchIndex>.Instance);

    public static string CollectionFor(IndexBuild build, QdrantOptions? options = null) =>
        IndexPlan.Create(build, options ?? Options(), new IndexOptions(), DateTimeOffset.UnixEpoch).CollectionName;

    /// <summary>The production registration, with <paramref name="primary"/> in place of the network.</summary>
    public static ServiceProvider Services(HttpMessageHandler primary, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Qdrant:Url"] = RecordedQdrant.BaseUrl,
                ["Qdrant:RetryDelayMilliseconds"] = "1",
                ["Qdrant:MaxRetries"] = "3",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQdrantSearchIndex(configuration);
        services.Configure<HttpClientFactoryOptions>(QdrantRestClient.HttpClientName,
            o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = primary));
        return services.BuildServiceProvider();
    }
}
