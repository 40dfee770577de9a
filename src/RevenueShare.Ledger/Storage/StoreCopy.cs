using Microsoft.Data.Sqlite;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// A consistent copy of the embedded store, taken while the service serves: each file through SQLite's
/// online backup API, which copies every page inside one read transaction (in write-ahead-log mode the
/// service's writers go on meanwhile). The files are copied one after the other, in an order that keeps
/// the copy consistent across them: the read side first, then the snapshots, then the journal. The
/// read side and every snapshot are only ever made of events already in the journal, so whatever the
/// journal gains between two copies, the copied read side and snapshots never stand for an event the
/// copied journal lacks. A read side copied after the journal could be ahead of it: its offset would
/// skip the events written after a restore, and a snapshot newer than its journal would make an agreement
/// number its next events past ones that are missing. The copied read side may be behind the copied
/// journal instead; the service projects the rest at start, as after any stop.
/// </summary>
public static class StoreCopy
{
    /// <summary>The store's files in the order they are copied.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [StoreOptions.ReadFileName, StoreOptions.SnapshotFileName, StoreOptions.JournalFileName];

    /// <summary>
    /// Copies <paramref name="store"/>'s files into <paramref name="destination"/> (which must not hold
    /// them yet), each a single self-contained file (rollback-journal mode: no write-ahead log beside it).
    /// Never writes to the store.
    /// </summary>
    public static void Copy(StoreOptions store, string destination)
    {
        RequireFiles(store);
        Directory.CreateDirectory(destination);
        foreach (var name in FileNames)
        {
            CopyFile(store.FileOf(name), Path.Combine(destination, name));
        }
    }

    /// <summary>Refuses a store that is not the embedded one, or a folder that does not hold all its files.</summary>
    public static void RequireFiles(StoreOptions store)
    {
        if (store.Kind != StoreKind.Sqlite)
        {
            throw new StoreBackupException("Only the embedded SQLite store is copied by revshare; back PostgreSQL up with its own tools (pg_dump).");
        }

        var missing = FileNames.Where(name => !File.Exists(store.FileOf(name))).ToArray();
        if (missing.Length > 0)
        {
            throw new StoreBackupException($"{store.DataDirectory} holds no RevenueShare store: {string.Join(", ", missing)} missing.");
        }
    }

    private static void CopyFile(string from, string to)
    {
        if (File.Exists(to))
        {
            throw new StoreBackupException($"{to} exists already.");
        }

        // Read-only, so the copy can never change the store; unpooled, so no handle outlives the copy.
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);

        // The pages carry the source's write-ahead-log mode; a copy in rollback-journal mode is one
        // file, complete by itself (the service puts its files back in WAL mode as it starts).
        using var mode = target.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode=DELETE";
        mode.ExecuteScalar();
    }
}
