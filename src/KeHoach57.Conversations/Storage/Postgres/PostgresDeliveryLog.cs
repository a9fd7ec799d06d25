using Npgsql;
using NpgsqlTypes;

namespace KeHoach57.Conversations.Storage.Postgres;

/// <summary>
/// Delivery ids in PostgreSQL, shared by replicas: a Telegram update or Zalo event that reached replica A and is
/// retried to replica B is a duplicate on B too. Taking an id is one atomic upsert, so two replicas offered the
/// same event at the same moment cannot both win. Expired rows are deleted now and then by whoever writes.
/// </summary>
public sealed class PostgresDeliveryLog(PostgresDatabase database, TimeProvider? clock = null) : IDeliveryLog
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(5);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private long _nextCleanupTicks;

    public async ValueTask<bool> TryMarkNewAsync(string deliveryId, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenAsync(cancellationToken);
        await CleanupIfDueAsync(connection, now, cancellationToken);
        // A row whose window has passed is taken again, as the in-memory log forgets expired ids.
        await using var command = new NpgsqlCommand("""
            INSERT INTO channel_deliveries (id, seen_until) VALUES ($1, $2)
            ON CONFLICT (id) DO UPDATE SET seen_until = excluded.seen_until
            WHERE channel_deliveries.seen_until <= $3
            """, connection);
        command.Parameters.Add(PostgresFeedbackStore.Text(deliveryId));
        command.Parameters.Add(new() { Value = now + window, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask ForgetAsync(string deliveryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM channel_deliveries WHERE id = $1", connection);
        command.Parameters.Add(PostgresFeedbackStore.Text(deliveryId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CleanupIfDueAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextCleanupTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextCleanupTicks, (now + CleanupInterval).UtcTicks, due) != due) return;
        await using var command = new NpgsqlCommand("DELETE FROM channel_deliveries WHERE seen_until <= $1", connection);
        command.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
