using Npgsql;
using NpgsqlTypes;

namespace KeHoach57.Conversations.Storage.Postgres;

/// <summary>
/// Leases in PostgreSQL, timed by the database's clock (now()), so replicas whose clocks disagree still agree on
/// who holds a lease. Taking, renewing and taking over an expired lease are one atomic upsert.
/// </summary>
public sealed class PostgresLeaseStore(PostgresDatabase database) : ILeaseStore
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, now() + $3)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at <= now()
            """, connection);
        command.Parameters.Add(new() { Value = name, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = holder, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = duration, NpgsqlDbType = NpgsqlDbType.Interval });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM leases WHERE name = $1 AND holder = $2", connection);
        command.Parameters.Add(new() { Value = name, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = holder, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
