using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KeHoach57.Conversations;

/// <summary>
/// Conversation state in one SQLite file under the data folder, so a bot remembers each chat's scope and
/// last answer across restarts. One row per conversation, its state as JSON: the state's shape can grow
/// without migrations, and a row that no longer reads is treated as a fresh conversation.
/// </summary>
public sealed class SqliteConversationStore : IConversationStore
{
    public const string DefaultFileName = "conversations.db";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
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
        if (await command.ExecuteScalarAsync(cancellationToken) is not string json) return null;
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(json, Json) is { } state ? state with { Id = id } : null;
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Stored state of {Conversation} could not be read; starting it afresh", id);
            return null;
        }
    }

    public async Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversations (id, state, updated_at) VALUES ($id, $state, $updated)
            ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$id", state.Id);
        command.Parameters.AddWithValue("$state", JsonSerializer.Serialize(state, Json));
        command.Parameters.AddWithValue("$updated", state.UpdatedAt.ToUniversalTime().ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
            """;
        await command.ExecuteNonQueryAsync();
    }
}
