using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using KeHoach57.Channels.Telegram;
using KeHoach57.Conversations.Storage;
using KeHoach57.Core;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>
/// docs/deploy.md and docs/deploy.compose.yml cannot be run here (no Docker), so what they tell the replicas is
/// checked against the code: every variable they name is a setting some options class reads, the compose file's
/// replica environment is the one the page documents, and that environment passes the checks made at start.
/// </summary>
public sealed partial class DeployDocTests
{
    private static readonly string Root = RepositoryPaths.FindRoot()!;
    private static readonly string Doc = File.ReadAllText(Path.Combine(Root, "docs", "deploy.md"));
    private static readonly string Compose = File.ReadAllText(Path.Combine(Root, "docs", "deploy.compose.yml"));

    /// <summary>Variables read by other programs (ASP.NET Core, the PostgreSQL and Qdrant images), not by an options class.</summary>
    private static bool IsForeign(string name) => name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("QDRANT__", StringComparison.Ordinal) || name.StartsWith("POSTGRES_", StringComparison.Ordinal);

    [Fact]
    public void Mọi_biến_môi_trường_trang_triển_khai_nêu_đều_là_thiết_lập_mã_đọc()
    {
        var named = SettingName().Matches(Doc).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.Contains("Storage__Provider", named);

        var unknown = named.Where(n => !IsForeign(n) && Resolve(n) is not null).Select(n => $"{n}: {Resolve(n)}").ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public void Môi_trường_của_bản_sao_trong_compose_đúng_bằng_bảng_trong_trang_và_mã_đọc_được_cả()
    {
        var composed = AssistantEnvironment().Keys.ToList();
        var documented = TableRow().Matches(Doc).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(documented.Order(StringComparer.Ordinal), composed.Order(StringComparer.Ordinal));
        var unknown = composed.Where(n => !IsForeign(n) && Resolve(n) is not null).Select(n => $"{n}: {Resolve(n)}").ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public void Môi_trường_của_bản_sao_qua_được_các_kiểm_tra_lúc_khởi_động()
    {
        // appsettings.json, then the environment, as a replica reads them; secrets stand in for ${…} placeholders.
        var environment = AssistantEnvironment().ToDictionary(kv => kv.Key.Replace("__", ":"), kv => (string?)Placeholder().Replace(kv.Value, "secret-value-0123456789abcdef"));
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "appsettings.json"))
            .AddInMemoryCollection(environment)
            .Build();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        new StorageConnectionString(configuration).Configure(storage);
        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>()!;
        var qdrant = configuration.GetSection(QdrantOptions.Section).Get<QdrantOptions>()!;
        var telegram = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>()!;

        Assert.True(storage.IsPostgres);
        Assert.Equal("qdrant", configuration["Index:Backend"]);
        AssertValid(new StorageOptionsValidator().Validate(null, storage));
        AssertValid(new ConversationKeyValidator(Options.Create(storage)).Validate(null, server));
        AssertValid(new QdrantOptionsValidator().Validate(null, qdrant));
        Assert.Equal((1, 3, 3), (qdrant.ShardNumber, qdrant.ReplicationFactor, qdrant.WriteConsistencyFactor));
        Assert.True(telegram.PollingLeaseSeconds > telegram.PollingTimeoutSeconds);
        Assert.All(server.KnownProxies, p => Assert.True(System.Net.IPAddress.TryParse(p, out _), $"Server:KnownProxies takes addresses, not names: {p}"));
        Assert.Contains($"ipv4_address: {server.KnownProxies.Single()}", Compose);
    }

    private static void AssertValid(ValidateOptionsResult result) => Assert.True(result.Succeeded, result.FailureMessage);

    /// <summary>The `environment:` block of the compose file's x-assistant anchor: what every replica is given.</summary>
    private static Dictionary<string, string> AssistantEnvironment()
    {
        var lines = Compose.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("x-assistant:", StringComparison.Ordinal));
        var environment = Array.FindIndex(lines, start, l => l.Trim() == "environment:");
        var indent = lines[environment].Length - lines[environment].TrimStart().Length;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(environment + 1))
        {
            if (line.Length - line.TrimStart().Length <= indent) break;
            var colon = line.IndexOf(':');
            variables.Add(line[..colon].Trim(), line[(colon + 1)..].Trim().Trim('"'));
        }
        return variables;
    }

    /// <summary>Null when <paramref name="name"/> (Section__Key__…) is a setting the code reads; otherwise why not.</summary>
    private static string? Resolve(string name)
    {
        var segments = name.Split("__");
        if (segments[0] == "ConnectionStrings")
            return segments is [_, StorageOptions.ConnectionStringName] ? null : $"the code reads only ConnectionStrings:{StorageOptions.ConnectionStringName}";
        if (!OptionsBySection.Value.TryGetValue(segments[0], out var type)) return $"no options class reads the section \"{segments[0]}\"";
        foreach (var segment in segments.Skip(1))
        {
            if (type.IsArray && int.TryParse(segment, out _)) type = type.GetElementType()!;
            else if (type.IsGenericType && typeof(IDictionary).IsAssignableFrom(type)) type = type.GetGenericArguments()[1];
            else if (type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true } property)
                type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            else return $"{type.Name} has no setting \"{segment}\"";
        }
        return null;
    }

    /// <summary>Every options class of the assistant, by its configuration section (its <c>Section</c> constant).</summary>
    private static readonly Lazy<Dictionary<string, Type>> OptionsBySection = new(() =>
    {
        var assemblies = new Dictionary<string, Assembly>();
        var pending = new Stack<Assembly>([typeof(Program).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!assemblies.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("KeHoach57", StringComparison.Ordinal)))
                pending.Push(Assembly.Load(reference));
        }
        return assemblies.Values.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Section is { IsLiteral: true } && t.Type.Name.EndsWith("Options", StringComparison.Ordinal))
            .ToDictionary(t => (string)t.Section!.GetRawConstantValue()!, t => t.Type, StringComparer.OrdinalIgnoreCase);
    });

    // `Storage__Provider`, `Server__KnownProxies__0`: a backticked environment variable of the Section__Key form.
    [GeneratedRegex(@"`(?<name>[A-Za-z]+(?:__[A-Za-z0-9]+)+)`")]
    private static partial Regex SettingName();

    // First cell of a row of the "What each replica reads" table.
    [GeneratedRegex(@"^\| `(?<name>[A-Za-z_]+(?:__[A-Za-z0-9]+)*)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Placeholder();
}
