using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace KeHoach57.Conversations.Storage.Postgres;

/// <summary>
/// Conversation state in PostgreSQL, shared by every replica: a follow-up may reach another server than the
/// question before it. One row per conversation, its state as JSON (as <see cref="SqliteConversationStore"/>);
/// a row that no longer reads is a fresh conversation. A batch is one statement; a state older than the stored
/// one never overwrites it (two replicas writing the same chat: the later turn stays). Pruned by age and count
/// like the SQLite store, by one replica at a time.
/// </summary>
public sealed class PostgresConversationStore(PostgresDatabase database, ILogger<PostgresConversationStore>? logger = null) : IConversationStore
{
    /// <summary>Advisory lock key for pruning ("KH57" and "prune" in ASCII): a replica finding it taken skips its turn.</summary>
    public const long PruneLockKey = 0x4B48_3537_7072_756E;

    private readonly ILogger _logger = logger ?? NullLogger<PostgresConversationStore>.Instance;

    public async Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT state FROM conversations WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = id, NpgsqlDbType = NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? ConversationStateJson.Read(id, json, _logger) : null;
    }

    public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default) => SaveManyAsync([state], cancellationToken);

    /// <summary>All states in one statement (so one transaction): stored whole or not at all.</summary>
    public async Task SaveManyAsync(IReadOnlyList<ConversationState> states, CancellationToken cancellationToken = default)
    {
        // One row per id: an upsert may not touch the same row twice in one statement.
        var newest = states.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.UpdatedAt)!).ToList();
        if (newest.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO conversations (id, state, updated_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            WHERE conversations.updated_at <= excluded.updated_at
            """, connection);
        command.Parameters.Add(new() { Value = newest.Select(s => s.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = newest.Select(s => ConversationStateJson.Write(s)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = newest.Select(s => s.UpdatedAt.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PruneAsync(DateTimeOffset updatedBefore, int maxConversations, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Replicas prune on their own timers; overlapping deletes would only wait on each other's row locks.
        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({PruneLockKey})", connection, transaction))
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true) return 0;
        await using var batch = new NpgsqlBatch(connection, transaction);
        var expired = new NpgsqlBatchCommand("DELETE FROM conversations WHERE updated_at < $1");
        expired.Parameters.Add(new() { Value = updatedBefore.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var beyondCap = new NpgsqlBatchCommand("DELETE FROM conversations WHERE id IN (SELECT id FROM conversations ORDER BY updated_at DESC OFFSET $1)");
        beyondCap.Parameters.Add(new() { Value = (long)Math.Max(0, maxConversations), NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(expired);
        batch.BatchCommands.Add(beyondCap);
        var removed = await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM conversations", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
