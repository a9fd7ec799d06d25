using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KeHoach57.Conversations.Storage;

/// <summary>
/// Where conversations, feedback, channel delivery ids and the polling lease live (config section "Storage"):
/// "sqlite" (default) keeps them in files under the data folder, for one server; "postgres" keeps them in one
/// PostgreSQL database that several replicas share. The PostgreSQL connection string is read from
/// ConnectionStrings:Postgres (environment: ConnectionStrings__Postgres), never from a file in the repository.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The connection string's name: configuration key ConnectionStrings:Postgres.</summary>
    public const string ConnectionStringName = "Postgres";

    /// <summary>Environment variable that sets <see cref="ConnectionStringName"/>.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__" + ConnectionStringName;

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Filled from ConnectionStrings:Postgres, not from the "Storage" section.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads the connection string from its conventional place (ConnectionStrings:Postgres).</summary>
public sealed class StorageConnectionString(IConfiguration configuration) : IConfigureOptions<StorageOptions>
{
    public void Configure(StorageOptions options) =>
        options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
}

/// <summary>Refuses, at start, a provider that does not exist and "postgres" without a connection string.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is not (StorageOptions.Sqlite or StorageOptions.Postgres))
            return ValidateOptionsResult.Fail(
                $"Storage:Provider is \"{options.Provider}\"; use \"{StorageOptions.Sqlite}\" (one server, files in the data folder) or \"{StorageOptions.Postgres}\" (replicas sharing one database).");
        if (provider == StorageOptions.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail(
                $"Storage:Provider is \"postgres\" but no connection string is set: set the environment variable {StorageOptions.ConnectionStringVariable} (e.g. \"Host=db;Database=kehoach57;Username=kehoach57;Password=…\").");
        return ValidateOptionsResult.Success;
    }
}
