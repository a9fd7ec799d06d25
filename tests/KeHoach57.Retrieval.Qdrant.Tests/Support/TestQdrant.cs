using KeHoach57.Retrieval.Qdrant.Tests.Fake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qdrant.Client;

namespace KeHoach57.Retrieval.Qdrant.Tests.Support;

/// <summary>
/// A Qdrant for contract tests, reached through the production registration: the in-process <see cref="FakeQdrant"/>,
/// or the live server at QDRANT_URL (with Qdrant__ApiKey if it needs one). Without QDRANT_URL a live test is reported
/// as skipped with the reason, never as passed. Each instance works under an alias of its own, so runs never touch
/// each other's or production's collections, and disposing drops every collection its builds created.
/// </summary>
public sealed class TestQdrant : IAsyncDisposable
{
    public const string Fake = "fake";
    public const string Live = "live";

    public const string SkipReason =
        "QDRANT_URL is not set, so this contract test did not run against a live Qdrant. Start one (docker run -p 6334:6334 qdrant/qdrant) " +
        "and run: QDRANT_URL=http://localhost:6334 dotnet test --project tests/KeHoach57.Retrieval.Qdrant.Tests";

    private TestQdrant(ServiceProvider services, string alias, FakeQdrant? fake)
    {
        Services = services;
        Alias = alias;
        Server = fake;
    }

    /// <summary>Both servers, for [Theory] contract tests.</summary>
    public static TheoryData<string> Servers => new(Fake, Live);

    public ServiceProvider Services { get; }

    public string Alias { get; }

    /// <summary>The fake, for scripting faults and reading its log; null against a live server.</summary>
    public FakeQdrant? Server { get; }

    public QdrantSearchIndex Index => Services.GetRequiredService<QdrantSearchIndex>();

    /// <summary>Qdrant.Client itself, over the same channel, for looking at what the index left on the server.</summary>
    public QdrantClient Client => Services.GetRequiredService<QdrantConnection>().Client;

    public QdrantOptions Options => Services.GetRequiredService<IOptions<QdrantOptions>>().Value;

    public static async Task<TestQdrant> StartAsync(string server, Dictionary<string, string?>? settings = null, string? fakeApiKey = null)
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        if (server == Live) Assert.SkipUnless(!string.IsNullOrWhiteSpace(url), SkipReason);
        var fake = server == Fake ? await FakeQdrant.StartAsync(fakeApiKey) : null;
        var alias = "kehoach57-test-" + Guid.NewGuid().ToString("N")[..8];
        var values = new Dictionary<string, string?>
        {
            ["Qdrant:Collection"] = alias,
            ["Qdrant:BatchSize"] = "4",
            ["Qdrant:RetryDelayMilliseconds"] = "1",
            ["Qdrant:TimeoutSeconds"] = "10",
        };
        if (fake is not null) values["Qdrant:Url"] = "http://fake-qdrant:6334";
        foreach (var (key, value) in settings ?? []) values[key] = value;
        var configuration = new ConfigurationBuilder();
        if (fake is null) configuration.AddEnvironmentVariables();
        var services = new ServiceCollection().AddLogging();
        if (fake is not null) UseFake(services, fake);
        services.AddQdrantSearchIndex(configuration.AddInMemoryCollection(values).Build());
        return new TestQdrant(services.BuildServiceProvider(), alias, fake);
    }

    /// <summary>Puts the fake under the production registration (which uses a connection registered before it).</summary>
    public static IServiceCollection UseFake(IServiceCollection services, FakeQdrant fake) =>
        services.AddSingleton(sp => new QdrantConnection(sp.GetRequiredService<IOptions<QdrantOptions>>().Value, fake.CreateHandler()));

    /// <summary>The collections this instance's builds created (live, stale or half-built).</summary>
    public async Task<IReadOnlyList<string>> BuildsAsync() =>
        (await Client.ListCollectionsAsync()).Where(n => IndexPlan.IsBuildOf(Alias, n)).Order(StringComparer.Ordinal).ToList();

    public async Task<string?> LiveCollectionAsync() =>
        (await Client.ListAliasesAsync()).FirstOrDefault(a => a.AliasName == Alias)?.CollectionName;

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var collection in await BuildsAsync()) await Client.DeleteCollectionAsync(collection);
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or QdrantException)
        {
            // Best effort: when the server is gone the test has already failed with the reason, which a clean-up
            // error must not hide.
        }
        finally
        {
            await Services.DisposeAsync();
            if (Server is not null) await Server.DisposeAsync();
        }
    }
}
