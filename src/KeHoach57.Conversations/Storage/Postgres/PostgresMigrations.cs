using Npgsql;

namespace KeHoach57.Conversations.Storage.Postgres;

/// <summary>
/// The schema as numbered steps, applied in order and recorded in schema_migrations. Everything runs in one
/// transaction under a transaction-level advisory lock, so two replicas starting together apply each step once:
/// the second waits for the first, then finds nothing left to do. A step, once released, is never edited; a
/// change is a new step.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>Advisory lock key (an arbitrary constant: "KH57" and "schema" in ASCII) that only this schema uses.</summary>
    public const long LockKey = 0x4B48_3537_7363_6865;

    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Steps =
    [
        (1, "conversations, feedback, channel deliveries, leases", """
            CREATE TABLE conversations (
                id text PRIMARY KEY,
                -- JSON as text: the state's shape grows without migrations, and text keeps what jsonb would refuse (\u0000).
                state text NOT NULL,
                updated_at timestamptz NOT NULL);
            CREATE INDEX conversations_updated_at ON conversations (updated_at);

            CREATE TABLE feedback (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                created_at timestamptz NOT NULL,
                conversation_id text NOT NULL,
                answer_id text NOT NULL,
                helpful boolean NOT NULL,
                comment text,
                question text,
                answer text,
                scope text,
                CONSTRAINT feedback_one_per_answer UNIQUE (conversation_id, answer_id));

            CREATE TABLE channel_deliveries (
                id text PRIMARY KEY,
                seen_until timestamptz NOT NULL);
            CREATE INDEX channel_deliveries_seen_until ON channel_deliveries (seen_until);

            CREATE TABLE leases (
                name text PRIMARY KEY,
                holder text NOT NULL,
                expires_at timestamptz NOT NULL);
            """),
    ];

    /// <summary>Applies the missing steps; returns their versions (empty when the schema was already current).</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        // Under the lock: two replicas creating the table at once would otherwise collide on the catalog.
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);
        var done = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) done.Add(reader.GetInt32(0));

        var applied = new List<int>();
        foreach (var (version, name, sql) in Steps.OrderBy(s => s.Version))
        {
            if (done.Contains(version)) continue;
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            record.Parameters.Add(new NpgsqlParameter { Value = name });
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(version);
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
