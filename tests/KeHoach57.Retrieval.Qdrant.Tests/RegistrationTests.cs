using System.Net;
using System.Text.Json;
using KeHoach57.Hosting;
using KeHoach57.Retrieval.Qdrant.Api;
using KeHoach57.Retrieval.Qdrant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Qdrant.Tests;

public sealed class RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    [Fact]
    public void Index_backend_qdrant_makes_every_entry_point_use_the_qdrant_index()
    {
        var services = new ServiceCollection().AddAssistant(Configuration(new() { ["Index:Backend"] = "Qdrant" }));
        using var provider = services.BuildServiceProvider();

        var index = provider.GetRequiredService<ISearchIndex>();

        Assert.IsType<QdrantSearchIndex>(index);
        Assert.Equal("qdrant", index.Name);
        Assert.Same(index, provider.GetRequiredService<QdrantSearchIndex>());
    }

    [Fact]
    public void Without_a_backend_setting_the_embedded_index_stays_the_default()
    {
        using var provider = new ServiceCollection().AddAssistant(Configuration([])).BuildServiceProvider();

        Assert.Equal("embedded", provider.GetRequiredService<ISearchIndex>().Name);
    }

    [Fact]
    public void QDRANT_URL_wins_over_the_configured_url_and_QDRANT_API_KEY_fills_a_missing_key()
    {
        using var provider = new ServiceCollection().AddQdrantSearchIndex(Configuration(new()
        {
            ["Qdrant:Url"] = "http://localhost:6333",
            ["QDRANT_URL"] = "https://qdrant.example:6334",
            ["QDRANT_API_KEY"] = "from-env",
        })).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<QdrantOptions>>().Value;

        Assert.Equal(("https://qdrant.example:6334", "from-env"), (options.Url, options.ApiKey));
    }

    [Theory]
    [InlineData("Qdrant:Url", "localhost:6333", "Qdrant:Url")]
    [InlineData("Qdrant:Url", "ftp://qdrant", "Qdrant:Url")]
    [InlineData("Qdrant:BatchSize", "0", "Qdrant:BatchSize")]
    [InlineData("Qdrant:ShardNumber", "0", "Qdrant:ShardNumber")]
    [InlineData("Qdrant:Collection", "a/b", "Qdrant:Collection")]
    public void Bad_settings_fail_with_a_message_naming_the_setting(string key, string value, string named)
    {
        using var provider = new ServiceCollection().AddQdrantSearchIndex(Configuration(new() { [key] = value })).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<QdrantOptions>>().Value);

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task The_api_key_goes_in_the_api_key_header_and_a_long_timeout_passes_the_resilience_validation()
    {
        var handler = new CapturingHandler();
        await using var provider = Harness.Services(handler, new() { ["Qdrant:ApiKey"] = "secret-key", ["Qdrant:TimeoutSeconds"] = "120" });

        await provider.GetRequiredService<QdrantRestClient>().ListAliasesAsync(Ct);

        Assert.Equal(["secret-key"], handler.ApiKeys);
    }

    [Fact]
    public void Embeddings_default_to_none_and_register_nothing()
    {
        using var provider = new ServiceCollection().AddEmbeddings(Configuration([])).BuildServiceProvider();

        Assert.Null(provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Theory]
    [InlineData("ollama", null)]
    [InlineData("OpenAI", "sk-test")]
    public void A_configured_embeddings_provider_registers_a_generator(string provider, string? key)
    {
        using var services = new ServiceCollection().AddEmbeddings(Configuration(new()
        {
            ["Embeddings:Provider"] = provider,
            ["Embeddings:Model"] = "nomic-embed-text",
            ["Embeddings:ApiKey"] = key,
        })).BuildServiceProvider();

        Assert.NotNull(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Theory]
    [InlineData("openai", "text-embedding-3-small", null, "Embeddings__ApiKey")]
    [InlineData("openai", null, "sk-test", "Embeddings:Model")]
    [InlineData("cohere", "embed", null, "none, openai or ollama")]
    [InlineData("ollama", "nomic-embed-text", null, "Embeddings:Endpoint", "localhost:11434")]
    public void An_embeddings_setup_that_cannot_work_is_refused_with_what_to_set(string provider, string? model, string? key, string expected, string? endpoint = null)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEmbeddings(Configuration(new()
        {
            ["Embeddings:Provider"] = provider,
            ["Embeddings:Model"] = model,
            ["Embeddings:ApiKey"] = key,
            ["Embeddings:Endpoint"] = endpoint,
        })));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Checked_in_settings_keep_qdrant_and_embeddings_off_and_hold_no_secret()
    {
        var root = Core.RepositoryPaths.FindRoot()!;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.json")));
        var json = settings.RootElement;

        Assert.Equal("embedded", json.GetProperty("Index").GetProperty("Backend").GetString());
        Assert.Equal("none", json.GetProperty("Embeddings").GetProperty("Provider").GetString());
        Assert.Equal("kehoach57", json.GetProperty("Qdrant").GetProperty("Collection").GetString());
        Assert.False(json.GetProperty("Qdrant").TryGetProperty("ApiKey", out _));
        Assert.False(json.GetProperty("Embeddings").TryGetProperty("ApiKey", out _));
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<string> ApiKeys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ApiKeys.AddRange(request.Headers.TryGetValues(QdrantRestClient.ApiKeyHeader, out var values) ? values : []);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"result":{"aliases":[]},"status":"ok","time":0.00001}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
