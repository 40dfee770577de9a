using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Benchmarks;

/// <summary>A fresh store per phase: a SQLite folder under a temporary directory, or a PostgreSQL database created for the run.</summary>
internal sealed class Stores : IAsyncDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "revshare-bench-" + Environment.ProcessId);
    private readonly string? postgres;
    private readonly bool keep;
    private readonly List<string> databases = [];

    public Stores(string? postgres, bool keep)
    {
        this.postgres = postgres;
        this.keep = keep;
        Directory.CreateDirectory(root);
    }

    public bool IsPostgres => postgres is not null;

    public string Root => root;

    public async Task<StoreOptions> NewAsync(string name)
    {
        if (postgres is null)
        {
            return StoreOptions.Sqlite(Path.Combine(root, name));
        }

        var database = $"revshare_bench_{Environment.ProcessId}_{name}";
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{database}\"";
            await command.ExecuteNonQueryAsync();
        }

        databases.Add(database);
        return StoreOptions.PostgreSql(new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
    }

    public static async Task<DbConnection> OpenAsync(string connectionString, bool isPostgres)
    {
        DbConnection connection = isPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (!isPostgres)
        {
            // The same settings as the read side (ReadDatabase).
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=FULL;";
            await pragma.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>Deletes every snapshot of the store (the "without snapshot" recovery); the number of rows deleted.</summary>
    public async Task<int> DeleteSnapshotsAsync(StoreOptions store)
    {
        await using var connection = await OpenAsync(store.SnapshotConnectionString, IsPostgres);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE '%snapshot%'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%snapshot%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var deleted = 0;
        foreach (var table in tables)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{table}\"";
            deleted += await delete.ExecuteNonQueryAsync();
        }

        return deleted;
    }

    public async ValueTask DisposeAsync()
    {
        if (keep)
        {
            Console.WriteLine($"stores kept under {root}{(databases.Count > 0 ? " and databases " + string.Join(", ", databases) : "")}");
            return;
        }

        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        foreach (var database in databases)
        {
            try
            {
                await using var connection = new NpgsqlConnection(postgres);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"could not drop {database}: {e.Message}");
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not delete {root}: {e.Message}");
        }
    }
}
