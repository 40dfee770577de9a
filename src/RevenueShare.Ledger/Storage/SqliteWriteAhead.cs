using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// Puts the journal and snapshot files in write-ahead-log mode before the actor system opens them.
/// Akka.Persistence.Sql leaves SQLite in its default rollback-journal mode, where every commit syncs
/// the rollback journal and the database file and a reader (the projection polling the journal)
/// blocks the writer; in WAL mode a commit is one sync of the log and readers never block it.
/// <c>synchronous</c> stays FULL (SQLite's default), so an acknowledged write is on disk. The mode is
/// kept in the file, so this only matters the first time, but it is cheap to assert at every start.
/// </summary>
internal sealed class SqliteWriteAhead(StoreOptions store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Kind != StoreKind.Sqlite)
        {
            return;
        }

        Directory.CreateDirectory(store.DataDirectory);
        foreach (var connectionString in new[] { store.JournalConnectionString, store.SnapshotConnectionString })
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await pragma.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused write-ahead logging for {connectionString} (journal mode '{mode}').");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
