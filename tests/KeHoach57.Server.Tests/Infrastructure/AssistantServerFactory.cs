using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>
/// The real Program on its own temp corpus and data folder. Settings here override appsettings; the
/// defaults lift the rate limit (tests share one client address) and set an admin key.
/// </summary>
public class AssistantServerFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";
    public const string AllowedOrigin = "https://portal.example";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public AssistantServerFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Corpus = TestCorpus.Create();
        _settings = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = Corpus.CorpusPath,
            ["Index:DataPath"] = Corpus.DataPath,
            ["RateLimit:PermitLimit"] = "100000",
            ["Admin:ApiKey"] = AdminKey,
            ["Widget:AllowedOrigins:0"] = AllowedOrigin,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:KeHoach57"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _services = services;
    }

    public TestCorpus Corpus { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: no developer exception page and no user secrets of whoever runs the tests.
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    /// <summary>A client once /health says ready (the index loads in the background).</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        await WaitUntilReadyAsync(client);
        return client;
    }

    public static async Task WaitUntilReadyAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync("/health", timeout.Token);
            if (response.IsSuccessStatusCode) return;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            if (body.GetProperty("status").GetString() == "failed")
                throw new InvalidOperationException("Server failed to load: " + body);
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>/health's body, polled until <paramref name="done"/> says so (at most a minute).</summary>
    public static async Task<JsonElement> PollHealthAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync("/health", timeout.Token);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            if (done(body)) return body;
            await Task.Delay(50, timeout.Token);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Corpus.Dispose();
    }
}

/// <summary>One ready server shared by a test class.</summary>
public sealed class ReadyServer : IAsyncLifetime
{
    public AssistantServerFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Client = await Factory.CreateReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
