using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KeHoach57.Conversations;

/// <summary>
/// Conversation state in one SQLite file under the data folder, so a bot remembers each chat's scope and
/// last answer across restarts. One row per conversation, its state as JSON: the state's shape can grow
/// without migrations, and a row that no longer reads is treated as a fresh conversation. Rows are pruned by
/// age and count (<see cref="PruneAsync"/>), and freed pages are reused, so the file stops growing once the
/// cap is reached; the WAL file is truncated back after checkpoints.
/// </summary>
public sealed class SqliteConversationStore : IConversationStore
{
    public const string DefaultFileName = "conversations.db";

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Lazy<Task> _schema;

    public SqliteConversationStore(string path, ILogger<SqliteConversationStore>? logger = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger ?? NullLogger<SqliteConversationStore>.Instance;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    public string Path { get; }

    public async Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? ConversationStateJson.Read(id, json, _logger) : null;
    }

    public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default) => SaveManyAsync([state], cancellationToken);

    /// <summary>All states in one transaction: a batch is on disk whole or not at all.</summary>
    public async Task SaveManyAsync(IReadOnlyList<ConversationState> states, CancellationToken cancellationToken = default)
    {
        if (states.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO conversations (id, state, updated_at) VALUES ($id, $state, $updated)
            ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var json = command.Parameters.Add("$state", SqliteType.Text);
        var updated = command.Parameters.Add("$updated", SqliteType.Text);
        foreach (var state in states)
        {
            id.Value = state.Id;
            json.Value = ConversationStateJson.Write(state);
            updated.Value = Timestamp(state.UpdatedAt);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> PruneAsync(DateTimeOffset updatedBefore, int maxConversations, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM conversations WHERE updated_at < $cutoff;
            DELETE FROM conversations WHERE id IN (SELECT id FROM conversations ORDER BY updated_at DESC LIMIT -1 OFFSET $max);
            """;
        command.Parameters.AddWithValue("$cutoff", Timestamp(updatedBefore));
        command.Parameters.AddWithValue("$max", Math.Max(0, maxConversations));
        var removed = await command.ExecuteNonQueryAsync(cancellationToken);
        if (removed > 0)
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        return removed;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM conversations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Fixed-width UTC ISO 8601, so text order is time order in the prune queries.
    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // WAL lets readers and the one writer proceed together: several chats are answered at once.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS conversations (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS conversations_updated_at ON conversations (updated_at);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
