using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace RevenueShare.Tests.Postgres;

/// <summary>
/// A real, throwaway PostgreSQL server for integration tests (docs/stack.md, "PostgreSQL in tests"):
/// <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free loopback port with fsync
/// off, and everything removed on dispose. Tests meet the store the product runs on, never a mock.
/// When <c>REVSHARE_TEST_POSTGRES</c> holds a connection string, that server is used instead and
/// nothing is started. Missing binaries fail loudly: a test suite that silently skips its
/// PostgreSQL half would report green for code never run against PostgreSQL.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string ExternalServerVariable = "REVSHARE_TEST_POSTGRES";

    private const string SuperUser = "postgres";
    private const int StartAttempts = 3;

    private readonly string? dataDirectory;
    private readonly string? binDirectory;
    private readonly NpgsqlConnectionStringBuilder admin;
    private bool disposed;

    private PostgresServer(string? dataDirectory, string? binDirectory, NpgsqlConnectionStringBuilder admin)
    {
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
        this.admin = admin;
    }

    /// <summary>Connection string of the server's maintenance database (<c>postgres</c>).</summary>
    public string AdminConnectionString => admin.ConnectionString;

    /// <summary>Starts a server, or attaches to <c>REVSHARE_TEST_POSTGRES</c> when set.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(null, null, new NpgsqlConnectionStringBuilder(external));
        }

        var bin = FindBinaries();
        Exception? last = null;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "revshare-pg-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                var port = FreePort();
                await InitAndStartAsync(bin, directory, port);
                var server = new PostgresServer(directory, bin, new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = SuperUser,
                    Database = "postgres",
                    Pooling = true,
                });
                return server;
            }
            catch (Exception e)
            {
                // Most likely the free port was taken between probing and binding; retry elsewhere.
                last = e;
                await StopQuietlyAsync(bin, directory);
                TryDelete(directory);
            }
        }

        throw new InvalidOperationException($"Could not start a throwaway PostgreSQL server after {StartAttempts} attempts.", last);
    }

    /// <summary>
    /// Creates an empty database (dropping one left by an earlier run of the same name) and
    /// returns its connection string: <c>Host=127.0.0.1;Port=PORT;Username=postgres;Database=name</c>.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9, _; up to 63).", nameof(name));
        }

        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;

        // Pooled connections to a database of the same name were cut by the forced drop.
        await using (var stale = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(stale);
        }

        return connectionString;
    }

    /// <summary>A database name unique to this call, for tests that must not share state.</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 1 + 12)].ToLowerInvariant();

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        NpgsqlConnection.ClearAllPools();
        if (dataDirectory is not null && binDirectory is not null)
        {
            await RunAsync(binDirectory, "pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"]);
            TryDelete(dataDirectory);
        }
    }

    private static async Task InitAndStartAsync(string bin, string directory, int port)
    {
        if (Environment.IsPrivilegedProcess)
        {
            // initdb refuses to run as root; the server runs as the Debian package's user.
            await RunAsync(null, "chown", ["-R", $"{SuperUser}:{SuperUser}", directory]);
        }

        await RunAsync(bin, "initdb", ["-D", directory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--no-locale"]);
        var log = Path.Combine(directory, "server.log");
        var result = await RunAsync(bin, "pg_ctl",
        [
            "-D", directory, "-l", log, "-w",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off",
            "start",
        ]);
        if (result.ExitCode != 0)
        {
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no server.log)";
            throw new InvalidOperationException($"pg_ctl start failed ({result.ExitCode}): {result.Output}\n{serverLog}");
        }
    }

    private static async Task StopQuietlyAsync(string bin, string directory)
    {
        if (File.Exists(Path.Combine(directory, "postmaster.pid")))
        {
            await RunAsync(bin, "pg_ctl", ["-D", directory, "-m", "immediate", "-w", "stop"]);
        }
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var bin = Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (bin is not null)
            {
                return bin;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH. " +
            "Install the Debian package 'postgresql' (apt-get install -y postgresql), or set " +
            $"{ExternalServerVariable} to the connection string of a server the tests may create databases on.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a tool, as <c>postgres</c> when we are root; failure throws with its output.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string? bin, string tool, IReadOnlyList<string> arguments)
    {
        var path = bin is null ? tool : Path.Combine(bin, tool);
        var asPostgres = bin is not null && Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(asPostgres ? "runuser" : path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", SuperUser, "--", path])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        if (process.ExitCode != 0 && tool != "pg_ctl")
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {output}");
        }

        return (process.ExitCode, output);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is untidy, not wrong; the test outcome stands.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
