using KeHoach57.Core;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Conversations.Storage;

public static class ConversationStoreServiceCollectionExtensions
{
    /// <summary>
    /// Conversation state that survives restarts: SQLite under the data folder behind the write-behind
    /// <see cref="ConversationWriter"/>, pruned in the background by TTL and count ("Conversations" section).
    /// Replaces the in-memory default; a store the host registered itself is kept. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddDurableConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IConversationStore));
        if (store is null || store.ImplementationType == typeof(InMemoryConversationStore))
        {
            services.RemoveAll<IConversationStore>();
            services.TryAddSingleton(sp => new SqliteConversationStore(
                Path.Combine(RepositoryPaths.Resolve(sp.GetRequiredService<IOptions<IndexOptions>>().Value.DataPath), SqliteConversationStore.DefaultFileName),
                sp.GetRequiredService<ILogger<SqliteConversationStore>>()));
            services.TryAddSingleton(sp => new ConversationWriter(sp.GetRequiredService<SqliteConversationStore>(),
                sp.GetRequiredService<IOptions<ConversationOptions>>().Value, sp.GetRequiredService<ILogger<ConversationWriter>>(),
                sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<ConversationWriter>());
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConversationMaintenance>());
        return services;
    }
}
