using KeHoach57.Conversations.Channels;
using KeHoach57.Conversations.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeHoach57.Conversations.Storage;

/// <summary>
/// The delivery log each channel's inbox uses: with the SQLite provider (one server) its own in-memory log with
/// the channel's window and capacity; with PostgreSQL the one table all replicas share.
/// </summary>
public sealed class DeliveryLogs(IOptions<StorageOptions> storage, IServiceProvider services, TimeProvider clock)
{
    public IDeliveryLog For(ChannelOptions channel) => storage.Value.IsPostgres
        ? services.GetRequiredService<PostgresDeliveryLog>()
        : new RecentDeliveries(channel.DuplicateCapacity, channel.DuplicateWindow, clock);
}
