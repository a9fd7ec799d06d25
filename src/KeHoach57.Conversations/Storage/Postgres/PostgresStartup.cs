using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KeHoach57.Conversations.Storage.Postgres;

/// <summary>
/// With "Storage:Provider = postgres", brings the schema up to date before the server takes requests, and stops
/// the start with a message naming the database and the variable to check when it cannot be reached.
/// </summary>
public sealed class PostgresStartup(IOptions<StorageOptions> storage, IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!storage.Value.IsPostgres) return;
        var database = (PostgresDatabase)services.GetService(typeof(PostgresDatabase))!;
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Could not prepare the PostgreSQL database at {database.Describe} (Storage:Provider = postgres, connection string from {StorageOptions.ConnectionStringVariable}): {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
