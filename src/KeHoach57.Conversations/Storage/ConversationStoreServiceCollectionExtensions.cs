using KeHoach57.Conversations.Storage.Postgres;
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
    /// Shared state that survives restarts, in the store "Storage:Provider" names: SQLite under the data folder
    /// (default, one server) or PostgreSQL (replicas; connection string from ConnectionStrings__Postgres, schema
    /// migrated at start). Conversations go through the write-behind <see cref="ConversationWriter"/> and are
    /// pruned in the background by TTL and count ("Conversations" section); channel delivery ids and leases
    /// follow the same provider. Replaces the in-memory default; a store the host registered itself is kept.
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddDurableConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<StorageOptions>, StorageConnectionString>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Built only when the provider is "postgres" and something asks for them.
        services.TryAddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!,
            sp.GetRequiredService<ILogger<PostgresDatabase>>()));
        services.TryAddSingleton(sp => new PostgresConversationStore(sp.GetRequiredService<PostgresDatabase>(),
            sp.GetRequiredService<ILogger<PostgresConversationStore>>()));
        services.TryAddSingleton<PostgresFeedbackStore>();
        services.TryAddSingleton(sp => new PostgresDeliveryLog(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PostgresLeaseStore>();

        var store = services.LastOrDefault(d => d.ServiceType == typeof(IConversationStore));
        if (store is null || store.ImplementationType == typeof(InMemoryConversationStore))
        {
            services.RemoveAll<IConversationStore>();
            services.TryAddSingleton(sp => new SqliteConversationStore(
                Path.Combine(RepositoryPaths.Resolve(sp.GetRequiredService<IOptions<IndexOptions>>().Value.DataPath), SqliteConversationStore.DefaultFileName),
                sp.GetRequiredService<ILogger<SqliteConversationStore>>()));
            services.TryAddSingleton(sp =>
            {
                var postgres = sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres;
                IConversationStore durable = postgres ? sp.GetRequiredService<PostgresConversationStore>() : sp.GetRequiredService<SqliteConversationStore>();
                // Replicas: a turn is stored before its answer goes out, so a follow-up that reaches the other replica
                // finds it. Concurrent turns still share one batch (one statement).
                return new ConversationWriter(durable, sp.GetRequiredService<IOptions<ConversationOptions>>().Value,
                    sp.GetRequiredService<ILogger<ConversationWriter>>(), sp.GetRequiredService<TimeProvider>(), waitForWrite: postgres);
            });
            services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<ConversationWriter>());
        }
        services.TryAddSingleton<DeliveryLogs>();
        services.TryAddSingleton<ILeaseStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresLeaseStore>()
            : new InMemoryLeaseStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConversationMaintenance>());
        return services;
    }
}
