using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KeHoach57.Conversations.Storage;

/// <summary>
/// Feedback in a SQLite file beside the index (or at "Feedback:Path"), so it survives restarts and can be
/// exported for review without a database server. WAL: the export reads while the widget keeps writing.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteFeedbackStore(string path)
    {
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    public string FilePath { get; }

    public async Task<IReadOnlyList<long>> SaveManyAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken = default)
    {
        var ids = new List<long>(entries.Count);
        if (entries.Count == 0) return ids;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        // Files written before one-entry-per-answer may hold several rows for an answer: the newest is the one kept up to date.
        update.CommandText = """
            UPDATE feedback SET created_at = $created, helpful = $helpful, comment = $comment,
                question = coalesce($question, question), answer = coalesce($answer, answer), scope = coalesce($scope, scope)
            WHERE id = (SELECT max(id) FROM feedback WHERE conversation_id = $conversation AND answer_id = $answer_id)
            RETURNING id;
            """;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO feedback (created_at, conversation_id, answer_id, helpful, comment, question, answer, scope)
            VALUES ($created, $conversation, $answer_id, $helpful, $comment, $question, $answer, $scope)
            RETURNING id;
            """;
        foreach (var entry in entries)
        {
            Bind(update, entry);
            if (await update.ExecuteScalarAsync(cancellationToken) is long existing)
            {
                ids.Add(existing);
                continue;
            }
            Bind(insert, entry);
            ids.Add((long)(await insert.ExecuteScalarAsync(cancellationToken))!);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, created_at, conversation_id, answer_id, helpful, comment, question, answer, scope FROM feedback ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<FeedbackEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new FeedbackEntry(
                reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetInt64(4) != 0,
                NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8)));
        return entries;
    }

    private static void Bind(SqliteCommand command, FeedbackEntry entry)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$created", entry.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$conversation", entry.ConversationId);
        command.Parameters.AddWithValue("$answer_id", entry.AnswerId);
        command.Parameters.AddWithValue("$helpful", entry.Helpful ? 1 : 0);
        command.Parameters.AddWithValue("$comment", (object?)entry.Comment ?? DBNull.Value);
        command.Parameters.AddWithValue("$question", (object?)entry.Question ?? DBNull.Value);
        command.Parameters.AddWithValue("$answer", (object?)entry.Answer ?? DBNull.Value);
        command.Parameters.AddWithValue("$scope", (object?)entry.Scope ?? DBNull.Value);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady) await EnsureSchemaAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady) return;
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS feedback (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    created_at TEXT NOT NULL,
                    conversation_id TEXT NOT NULL,
                    answer_id TEXT NOT NULL,
                    helpful INTEGER NOT NULL,
                    comment TEXT,
                    question TEXT,
                    answer TEXT,
                    scope TEXT);
                CREATE INDEX IF NOT EXISTS feedback_answer ON feedback (conversation_id, answer_id);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
