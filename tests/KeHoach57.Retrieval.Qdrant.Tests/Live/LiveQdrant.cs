using KeHoach57.Retrieval.Qdrant.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Retrieval.Qdrant.Tests.Live;

/// <summary>
/// A real Qdrant from QDRANT_URL (and QDRANT_API_KEY if it needs one), through the production registration,
/// under an alias of its own so runs never touch each other's or production's collections. Disposing drops
/// every collection the alias's builds created.
/// </summary>
public sealed class LiveQdrant : IAsyncDisposable
{
    public const string SkipReason =
        "QDRANT_URL is not set, so the live Qdrant suite did not run. Start a server (docker run -p 6333:6333 qdrant/qdrant) " +
        "and run: QDRANT_URL=http://localhost:6333 dotnet test --project tests/KeHoach57.Retrieval.Qdrant.Tests";

    private readonly ServiceProvider _services;

    private LiveQdrant(ServiceProvider services, string alias)
    {
        _services = services;
        Alias = alias;
    }

    public string Alias { get; }

    public QdrantSearchIndex Index => _services.GetRequiredService<QdrantSearchIndex>();

    public QdrantRestClient Client => _services.GetRequiredService<QdrantRestClient>();

    /// <summary>Skips the calling test, visibly, when no server is configured.</summary>
    public static LiveQdrant Start()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        Assert.SkipUnless(!string.IsNullOrWhiteSpace(url), SkipReason);
        var alias = "kehoach57-live-" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Qdrant:Collection"] = alias, ["Qdrant:BatchSize"] = "4" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddQdrantSearchIndex(configuration).BuildServiceProvider();
        return new LiveQdrant(services, alias);
    }

    public async Task<IReadOnlyList<string>> BuildsAsync(CancellationToken cancellationToken) =>
        (await Client.ListCollectionsAsync(cancellationToken)).Collections.Select(c => c.Name).Where(n => IndexPlan.IsBuildOf(Alias, n)).ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var collection in await BuildsAsync(CancellationToken.None))
                await Client.DeleteCollectionAsync(collection, CancellationToken.None);
        }
        catch (QdrantException)
        {
            // Best effort: when the server is gone the test has already failed with the reason, which a
            // clean-up error must not hide.
        }
        finally
        {
            await _services.DisposeAsync();
        }
    }
}
