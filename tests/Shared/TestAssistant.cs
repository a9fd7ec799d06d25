using KeHoach57.Answering;
using KeHoach57.Conversations;
using KeHoach57.Core;
using KeHoach57.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Tests.Shared;

/// <summary>
/// The real answering stack for tests: the repository's corpus (or a given folder), indexed into a
/// private temporary folder so tests never touch the user's data/ index.
/// </summary>
public sealed class TestAssistant : IAsyncDisposable
{
    public ServiceProvider Services { get; }
    public Assistant Assistant { get; private set; } = null!;
    public ConversationService Conversations => Services.GetRequiredService<ConversationService>();
    public string DataPath { get; }

    private TestAssistant(ServiceProvider services, string dataPath)
    {
        Services = services;
        DataPath = dataPath;
    }

    public static string RepositoryCorpus => Path.Combine(RepositoryPaths.FindRoot()!, "corpus");

    /// <param name="configure">Registrations made before the assistant's own, which then stand (it only adds what is missing).</param>
    public static async Task<TestAssistant> CreateAsync(string? corpusPath = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kehoach57-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = corpusPath ?? RepositoryCorpus,
            ["Index:DataPath"] = dataPath,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        configure?.Invoke(collection);
        var services = collection.AddAssistant(configuration).BuildServiceProvider();
        var test = new TestAssistant(services, dataPath);
        test.Assistant = await services.PrepareAssistantAsync();
        return test;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
