using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers Qdrant as the <see cref="ISearchIndex"/>, configured from the "Qdrant" section (QDRANT_URL, when set,
    /// wins over Qdrant:Url) and validated at start, over one gRPC channel. A <see cref="QdrantConnection"/> registered
    /// before this call is used instead of a socket connection (tests put an in-process server behind it).
    /// </summary>
    public static IServiceCollection AddQdrantSearchIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section));
        services.AddOptions<QdrantOptions>()
            .Bind(configuration.GetSection(QdrantOptions.Section))
            .PostConfigure(options =>
            {
                if (configuration["QDRANT_URL"] is { Length: > 0 } url) options.Url = url;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantOptions>>(new QdrantOptionsValidator(ApiKeyFile(configuration))));

        services.TryAddSingleton(sp => new QdrantConnection(sp.GetRequiredService<IOptions<QdrantOptions>>().Value));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<QdrantCalls>(sp, sp.GetRequiredService<IOptions<QdrantOptions>>().Value));
        services.TryAddSingleton<QdrantSearchIndex>();
        services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<QdrantSearchIndex>());
        return services;
    }

    /// <summary>The appsettings file the winning Qdrant:ApiKey came from, or null when it came from elsewhere
    /// (environment, user secrets, command line) or is not set.</summary>
    internal static string? ApiKeyFile(IConfiguration configuration)
    {
        const string key = QdrantOptions.Section + ":" + nameof(QdrantOptions.ApiKey);
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out var value) || string.IsNullOrEmpty(value)) continue;
            return provider is JsonConfigurationProvider { Source.Path: { } path } json
                   && Path.GetFileName(path).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                ? json.Source.FileProvider?.GetFileInfo(path).PhysicalPath ?? path
                : null;
        }
        return null;
    }
}
