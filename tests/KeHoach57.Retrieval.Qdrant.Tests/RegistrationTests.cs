using System.Text.Json;
using KeHoach57.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant.Tests;

public sealed class RegistrationTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static QdrantOptions Options(IConfiguration configuration)
    {
        using var provider = new ServiceCollection().AddQdrantSearchIndex(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<QdrantOptions>>().Value;
    }

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
    public void Defaults_are_the_grpc_port_one_shard_one_replica_and_the_servers_read_consistency()
    {
        var options = Options(Configuration([]));

        Assert.Equal(new Uri("http://localhost:6334"), options.Address);
        Assert.Equal((1, 1, 1), (options.ShardNumber, options.ReplicationFactor, options.WriteConsistencyFactor));
        Assert.Null(options.ReadConsistencyRequest);
    }

    [Theory]
    [InlineData("http://qdrant.internal", "http://qdrant.internal:6334/")]
    [InlineData("https://qdrant.example/", "https://qdrant.example:6334/")]
    [InlineData("http://qdrant.internal:80", "http://qdrant.internal/")]
    [InlineData("http://[::1]:7334", "http://[::1]:7334/")]
    public void A_url_without_a_port_gets_the_grpc_port_and_an_explicit_port_is_kept(string url, string address) =>
        Assert.Equal(address, new QdrantOptions { Url = url }.Address.ToString());

    [Theory]
    [InlineData("majority", ReadConsistencyType.Majority)]
    [InlineData("Quorum", ReadConsistencyType.Quorum)]
    [InlineData("all", ReadConsistencyType.All)]
    public void Read_consistency_names_become_qdrants_read_consistency_types(string setting, ReadConsistencyType type) =>
        Assert.Equal(type, new QdrantOptions { ReadConsistency = setting }.ReadConsistencyRequest!.Type);

    [Fact]
    public void A_read_consistency_number_asks_that_many_replicas() =>
        Assert.Equal(2ul, new QdrantOptions { ReadConsistency = "2" }.ReadConsistencyRequest!.Factor);

    [Fact]
    public void QDRANT_URL_wins_over_the_configured_url()
    {
        var options = Options(Configuration(new() { ["Qdrant:Url"] = "http://localhost:6334", ["QDRANT_URL"] = "https://qdrant.example:7334" }));

        Assert.Equal("https://qdrant.example:7334", options.Url);
    }

    [Theory]
    [InlineData("Qdrant:Url", "localhost:6334", "Qdrant:Url")]
    [InlineData("Qdrant:Url", "ftp://qdrant", "Qdrant:Url")]
    [InlineData("Qdrant:BatchSize", "0", "Qdrant:BatchSize")]
    [InlineData("Qdrant:TimeoutSeconds", "0", "Qdrant:TimeoutSeconds")]
    [InlineData("Qdrant:MaxRetries", "-1", "Qdrant:MaxRetries")]
    [InlineData("Qdrant:ShardNumber", "0", "Qdrant:ShardNumber")]
    [InlineData("Qdrant:ReplicationFactor", "0", "Qdrant:ReplicationFactor")]
    [InlineData("Qdrant:WriteConsistencyFactor", "2", "between 1 and Qdrant:ReplicationFactor (1)")]
    [InlineData("Qdrant:ReadConsistency", "some", "majority, quorum, all or a positive number")]
    [InlineData("Qdrant:Collection", "a/b", "Qdrant:Collection")]
    [InlineData("Qdrant:Collection", "two words", "Qdrant:Collection")]
    public void Bad_settings_fail_at_start_with_a_message_naming_the_setting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(Configuration(new() { [key] = value })));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Settings_are_validated_when_the_host_starts_not_at_the_first_question()
    {
        using var provider = new ServiceCollection().AddQdrantSearchIndex(Configuration(new() { ["Qdrant:BatchSize"] = "0" })).BuildServiceProvider();

        var validator = provider.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
    }

    [Fact]
    public void An_api_key_written_in_appsettings_is_refused_with_where_to_put_it_instead()
    {
        var folder = Directory.CreateTempSubdirectory("kehoach57-settings-");
        try
        {
            var file = Path.Combine(folder.FullName, "appsettings.json");
            File.WriteAllText(file, """{ "Qdrant": { "ApiKey": "written-in-the-repo" } }""");
            var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

            var error = Assert.Throws<OptionsValidationException>(() => Options(configuration));

            Assert.Contains(file, error.Message);
            Assert.Contains("Qdrant__ApiKey", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_api_key_from_the_environment_wins_over_one_in_appsettings_and_is_accepted()
    {
        var folder = Directory.CreateTempSubdirectory("kehoach57-settings-");
        try
        {
            var file = Path.Combine(folder.FullName, "appsettings.json");
            File.WriteAllText(file, """{ "Qdrant": { "Collection": "kehoach57" } }""");
            var configuration = new ConfigurationBuilder().AddJsonFile(file)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Qdrant:ApiKey"] = "from-env" }).Build();

            Assert.Equal("from-env", Options(configuration).ApiKey);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
    public void Checked_in_settings_keep_qdrant_and_embeddings_off_point_at_the_grpc_port_and_hold_no_secret()
    {
        var root = Core.RepositoryPaths.FindRoot()!;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.json")));
        var json = settings.RootElement;

        Assert.Equal("embedded", json.GetProperty("Index").GetProperty("Backend").GetString());
        Assert.Equal("none", json.GetProperty("Embeddings").GetProperty("Provider").GetString());
        Assert.Equal("kehoach57", json.GetProperty("Qdrant").GetProperty("Collection").GetString());
        Assert.Equal(6334, new Uri(json.GetProperty("Qdrant").GetProperty("Url").GetString()!).Port);
        Assert.False(json.GetProperty("Qdrant").TryGetProperty("ApiKey", out _));
        Assert.False(json.GetProperty("Embeddings").TryGetProperty("ApiKey", out _));
    }
}
