using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KeHoach57.Conversations.Storage.Postgres;

/// <summary>
/// The PostgreSQL database that replicas share: one pooled data source, and the schema brought up to date once
/// per process before first use (<see cref="PostgresMigrations"/>). A failed migration is not cached: the next
/// use tries again, so a database that was still starting does not leave the server broken for good.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? logger = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Named in pg_stat_activity, so an operator can tell the assistant's connections from others'.
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "kehoach57";
        Describe = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _logger = logger ?? NullLogger<PostgresDatabase>.Instance;
    }

    /// <summary>host:port/database, without credentials, for messages and logs.</summary>
    public string Describe { get; }

    /// <summary>An open connection to a database whose schema is current.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Applies the migrations this process has not yet checked (at start, and before first use).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated) return;
        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (_migrated) return;
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var applied = await PostgresMigrations.ApplyAsync(connection, cancellationToken);
            if (applied.Count > 0)
                _logger.LogInformation("PostgreSQL {Database}: applied migrations {Versions}", Describe, string.Join(", ", applied));
            _migrated = true;
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
