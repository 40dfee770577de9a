using Microsoft.Data.Sqlite;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Integration;

public sealed class LedgerOnSqliteTests : LedgerOnStoreContract, IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "revshare-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_journal_and_the_snapshots_are_written_ahead_in_a_log()
    {
        var store = await NewStoreAsync();

        await using (await LedgerHost.StartAsync(store, LedgerHost.ClockAt("2025-06-01T00:00:00Z")))
        {
        }

        foreach (var connectionString in new[] { store.JournalConnectionString, store.SnapshotConnectionString })
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await pragma.ExecuteScalarAsync());
        }
    }

    protected override Task<StoreOptions> NewStoreAsync() =>
        Task.FromResult(StoreOptions.Sqlite(Path.Combine(dataDirectory, Guid.NewGuid().ToString("N"))));
}
