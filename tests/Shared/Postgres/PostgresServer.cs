using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KeHoach57.Tests.Shared.Postgres;

/// <summary>
/// A real PostgreSQL for the tests, from Debian's package (/usr/lib/postgresql/*/bin): a throwaway cluster made with
/// initdb in a temp folder, listening on 127.0.0.1 and a free port, started on first use and stopped (folder deleted)
/// when the test assembly ends. initdb refuses to run as root, so as root the server runs as the package's
/// unprivileged "postgres" user. Without the binaries the tests that need it are skipped, with the reason.
/// Each test takes a fresh database (<see cref="CreateDatabaseAsync"/>), so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly Lazy<Task<string>> _started;
    private readonly string? _bin = FindBin();
    private string? _root;
    private string? _dataDir;

    public PostgresServer() => _started = new Lazy<Task<string>>(StartAsync);

    /// <summary>Why the tests cannot have a PostgreSQL here, or null when they can.</summary>
    public string? MissingReason => _bin is null
        ? "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin): run `bash .ci/install-postgres.sh` (Debian's postgresql package) to run these tests."
        : IsRoot && !UserExists(Superuser)
            ? "Running as root and the package's unprivileged 'postgres' user does not exist, so initdb cannot run."
            : null;

    /// <summary>Skips the calling test (reported as skipped, with the reason) when no PostgreSQL can be started here.</summary>
    public void SkipUnlessAvailable()
    {
        if (MissingReason is { } reason) Assert.Skip(reason);
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        SkipUnlessAvailable();
        var admin = await _started.Value;
        var name = "kh57_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private async Task<string> StartAsync()
    {
        _root = Directory.CreateTempSubdirectory("kh57-pg-").FullName;
        // The server user (postgres, when we are root) must be able to create the data folder and the socket here.
        if (IsRoot && OperatingSystem.IsLinux()) File.SetUnixFileMode(_root, (UnixFileMode)0b111_111_111);
        _dataDir = Path.Combine(_root, "data");
        var port = FreePort();
        await RunAsync("initdb", "-D", _dataDir, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        // fsync off: a test cluster is thrown away, so durability only costs time.
        await RunAsync("pg_ctl", "-D", _dataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Database = "postgres",
            // Every test database gets its own pool; keep each small so many tests stay under max_connections.
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDir is not null && _started.IsValueCreated)
        {
            NpgsqlConnection.ClearAllPools();
            try { await RunAsync("pg_ctl", "-D", _dataDir, "-m", "immediate", "-w", "stop"); }
            catch (InvalidOperationException) { }
        }
        if (_root is not null)
        {
            try { Directory.Delete(_root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", Superuser, "--", Path.Combine(_bin!, tool) }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = Path.Combine(_bin!, tool);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static string? FindBin()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static bool UserExists(string user) => File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
