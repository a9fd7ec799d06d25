using KeHoach57.Conversations.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddDurableConversations();
        services.TryAddSingleton<IndexWarmup>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
