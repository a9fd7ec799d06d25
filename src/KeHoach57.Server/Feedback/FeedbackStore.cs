using KeHoach57.Core;
using KeHoach57.Retrieval;
using KeHoach57.Conversations.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Feedback;

public sealed record FeedbackEntry(
    long Id,
    DateTimeOffset CreatedAt,
    string ConversationId,
    string AnswerId,
    bool Helpful,
    string? Comment,
    string? Question,
    string? Answer,
    string? Scope);

/// <summary>
/// 👍/👎 from officials, in a SQLite file beside the index (or at "Feedback:Path"), so it survives
/// restarts and can be exported for review without a database server. Posts are written by a
/// <see cref="BatchWriter{T}"/> (many clicks, one transaction); <see cref="AddAsync"/> returns once its batch
/// is on disk, so a 200 means stored, and a clean stop writes whatever is queued.
/// </summary>
public sealed class FeedbackStore : IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private readonly BatchWriter<Pending> _writer;
    private volatile bool _schemaReady;

    public FeedbackStore(IOptions<FeedbackOptions> feedback, IOptions<IndexOptions> index, ILogger<FeedbackStore> logger)
    {
        _writer = new BatchWriter<Pending>("feedback writer", WriteAsync, capacity: 10_000, maxBatch: 256, logger);
        var configured = feedback.Value.Path;
        FilePath = RepositoryPaths.Resolve(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(index.Value.DataPath, "feedback.db")
            : configured);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    public string FilePath { get; }

    /// <returns>The stored entry's id, once it is on disk.</returns>
    public async Task<long> AddAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(entry);
        await await _writer.EnqueueAsync(pending, cancellationToken);
        return pending.Id;
    }

    private async Task WriteAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO feedback (created_at, conversation_id, answer_id, helpful, comment, question, answer, scope)
            VALUES ($created, $conversation, $answer_id, $helpful, $comment, $question, $answer, $scope)
            RETURNING id;
            """;
        foreach (var pending in batch)
        {
            var entry = pending.Entry;
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$created", entry.CreatedAt.ToString("O"));
            command.Parameters.AddWithValue("$conversation", entry.ConversationId);
            command.Parameters.AddWithValue("$answer_id", entry.AnswerId);
            command.Parameters.AddWithValue("$helpful", entry.Helpful ? 1 : 0);
            command.Parameters.AddWithValue("$comment", (object?)entry.Comment ?? DBNull.Value);
            command.Parameters.AddWithValue("$question", (object?)entry.Question ?? DBNull.Value);
            command.Parameters.AddWithValue("$answer", (object?)entry.Answer ?? DBNull.Value);
            command.Parameters.AddWithValue("$scope", (object?)entry.Scope ?? DBNull.Value);
            pending.Id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();

    private sealed class Pending(FeedbackEntry entry)
    {
        public FeedbackEntry Entry { get; } = entry;
        public long Id { get; set; }
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
                reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetInt64(4) != 0,
                NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8)));
        return entries;
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
            // WAL: the export can read while the widget keeps writing.
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
