using System.Net;
using KeHoach57.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.LoadTest;

/// <summary>
/// The real server (same Program, same pipeline) on Kestrel at 127.0.0.1 with a free port, so the load never
/// leaves the loopback interface. Its index goes to a temp folder; the per-client rate limit is off because
/// every request here comes from one address.
/// </summary>
public sealed class InProcessServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public InProcessServer(string corpusPath, string dataPath, bool cacheOff = false)
    {
        _settings = new()
        {
            ["Corpus:Path"] = corpusPath,
            ["Index:DataPath"] = dataPath,
            ["RateLimit:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:KeHoach57"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (cacheOff) _settings["Answering:CacheSize"] = "0";
        DataPath = dataPath;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        PinContentRoot();
    }

    /// <summary>
    /// WebApplicationFactory reads MvcTestingAppManifest.json relative to the current directory, which under
    /// `dotnet run --project` is the checkout, not bin/. Read it beside this assembly instead and hand the
    /// server's folder (wwwroot, appsettings.json) over through the factory's own override variable.
    /// </summary>
    private static void PinContentRoot()
    {
        const string variable = "ASPNETCORE_TEST_CONTENTROOT_KEHOACH57_SERVER";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable))) return;
        var manifest = System.IO.Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (!File.Exists(manifest)) return;
        var roots = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest));
        var server = roots?.FirstOrDefault(r => r.Key.StartsWith("KeHoach57.Server,", StringComparison.Ordinal)).Value;
        if (server is not null && Directory.Exists(server)) Environment.SetEnvironmentVariable(variable, server);
    }

    public string DataPath { get; }

    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    /// <summary>
    /// corpus/*.md when ingestion has produced it; otherwise the raw plan texts, wrapped as Markdown in a temp
    /// folder, so the index has the real corpus's size even before ingestion lands.
    /// </summary>
    public static (string Path, string Description) ResolveCorpus(string? requested, string scratch)
    {
        if (requested is not null) return (System.IO.Path.GetFullPath(requested), "given with --corpus");
        var corpus = RepositoryPaths.Resolve("corpus");
        if (Directory.Exists(corpus) && Directory.EnumerateFiles(corpus, "*.md").Any())
            return (corpus, "corpus/*.md");
        var raw = System.IO.Path.Combine(corpus, "raw");
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(scratch, "corpus")).FullName;
        if (Directory.Exists(raw))
            foreach (var file in Directory.EnumerateFiles(raw, "*.txt"))
                File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileNameWithoutExtension(file) + ".md"));
        return (folder, "corpus/raw/*.txt as plain Markdown (corpus/*.md not produced yet)");
    }
}
