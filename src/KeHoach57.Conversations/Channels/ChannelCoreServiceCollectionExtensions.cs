using KeHoach57.Core;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Conversations.Channels;

public static class ChannelCoreServiceCollectionExtensions
{
    /// <summary>
    /// What every chat channel shares: conversation state in SQLite under the data folder (replacing the
    /// in-memory default, unless a host registered its own store) and the one-time index warm-up.
    /// Safe to call from each channel.
    /// </summary>
    public static IServiceCollection AddChannelCore(this IServiceCollection services)
    {
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IConversationStore));
        if (store is null || store.ImplementationType == typeof(InMemoryConversationStore))
        {
            services.RemoveAll<IConversationStore>();
            services.AddSingleton<IConversationStore>(sp => new SqliteConversationStore(
                Path.Combine(RepositoryPaths.Resolve(sp.GetRequiredService<IOptions<IndexOptions>>().Value.DataPath), SqliteConversationStore.DefaultFileName),
                sp.GetRequiredService<ILogger<SqliteConversationStore>>()));
        }
        services.TryAddSingleton<IndexWarmup>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
