namespace RevenueShare.Ledger.Storage;

/// <summary>
/// Where the ledger keeps its data. SQLite: three files under <see cref="DataDirectory"/> — the
/// journal, the snapshots and the read side (read tables and tokens) — because SQLite allows one
/// writer per file and the journal should never wait for a reader. PostgreSQL: one database.
/// </summary>
public sealed record StoreOptions(StoreKind Kind, string DataDirectory, string? PostgresConnectionString)
{
    public const string JournalFileName = "journal.db";

    public const string SnapshotFileName = "snapshots.db";

    public const string ReadFileName = "read.db";

    /// <summary>
    /// SQLite: the most the projection may grow the read database to (null: as far as the disk
    /// goes). The read tables are a cache of the journal, and on a disk they share this keeps them
    /// from taking the room the journal needs: past it the projection stops with SQLite's "database or
    /// disk is full", the journal goes on acknowledging (until the read side's lag passes its bound and
    /// figure batches are refused), and once the bound is raised the projection catches up.
    /// </summary>
    public long? ReadSideMaxBytes { get; init; }

    public static StoreOptions Sqlite(string dataDirectory) => new(StoreKind.Sqlite, Path.GetFullPath(dataDirectory), null);

    public static StoreOptions PostgreSql(string connectionString) => new(StoreKind.PostgreSql, string.Empty, connectionString);

    public string JournalConnectionString => Kind == StoreKind.Sqlite
        ? $"Data Source={FileOf(JournalFileName)}"
        : PostgresConnection.Tuned(PostgresConnectionString!);

    public string SnapshotConnectionString => Kind == StoreKind.Sqlite
        ? $"Data Source={FileOf(SnapshotFileName)}"
        : PostgresConnection.Tuned(PostgresConnectionString!);

    public string ReadConnectionString => Kind == StoreKind.Sqlite
        ? $"Data Source={FileOf(ReadFileName)}"
        : PostgresConnection.Tuned(PostgresConnectionString!);

    /// <summary>The path of one of the SQLite store's files (<see cref="JournalFileName"/>, ...) in <see cref="DataDirectory"/>.</summary>
    public string FileOf(string fileName) => Path.Combine(DataDirectory, fileName);
}
