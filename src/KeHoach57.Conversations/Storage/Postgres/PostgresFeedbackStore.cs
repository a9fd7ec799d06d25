using Npgsql;
using NpgsqlTypes;

namespace KeHoach57.Conversations.Storage.Postgres;

/// <summary>
/// Feedback in PostgreSQL, so every replica's 👍/👎 lands in one table and one export. One row per answer
/// (constraint feedback_one_per_answer): the same rating posted twice, or retried to the other replica, updates
/// that row. A batch is one round trip in one transaction.
/// </summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database) : IFeedbackStore
{
    public async Task<IReadOnlyList<long>> SaveManyAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken = default)
    {
        var ids = new List<long>(entries.Count);
        if (entries.Count == 0) return ids;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entry in entries)
        {
            // A rating that arrives without the answer's text (the replica that gave the answer knew it) keeps the text already stored.
            var command = new NpgsqlBatchCommand("""
                INSERT INTO feedback (created_at, conversation_id, answer_id, helpful, comment, question, answer, scope)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT ON CONSTRAINT feedback_one_per_answer DO UPDATE SET
                    created_at = excluded.created_at, helpful = excluded.helpful, comment = excluded.comment,
                    question = coalesce(excluded.question, feedback.question),
                    answer = coalesce(excluded.answer, feedback.answer),
                    scope = coalesce(excluded.scope, feedback.scope)
                RETURNING id
                """);
            command.Parameters.Add(new() { Value = entry.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(Text(entry.ConversationId));
            command.Parameters.Add(Text(entry.AnswerId));
            command.Parameters.Add(new() { Value = entry.Helpful, NpgsqlDbType = NpgsqlDbType.Boolean });
            command.Parameters.Add(Text(entry.Comment));
            command.Parameters.Add(Text(entry.Question));
            command.Parameters.Add(Text(entry.Answer));
            command.Parameters.Add(Text(entry.Scope));
            batch.BatchCommands.Add(command);
        }
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, created_at, conversation_id, answer_id, helpful, comment, question, answer, scope FROM feedback ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<FeedbackEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new FeedbackEntry(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
                NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8)));
        return entries;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>PostgreSQL text cannot hold U+0000, which a comment may carry; it is stored as U+FFFD rather than failing the whole batch.</summary>
    internal static NpgsqlParameter Text(string? value) => new()
    {
        Value = (object?)value?.Replace('\0', '\uFFFD') ?? DBNull.Value,
        NpgsqlDbType = NpgsqlDbType.Text,
    };
}
