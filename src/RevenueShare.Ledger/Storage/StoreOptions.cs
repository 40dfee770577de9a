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

    public static StoreOptions Sqlite(string dataDirectory) => new(StoreKind.Sqlite, Path.GetFullPath(dataDirectory), null);

    public static StoreOptions PostgreSql(string connectionString) => new(StoreKind.PostgreSql, string.Empty, connectionString);

    public string JournalConnectionString => Kind == StoreKind.Sqlite
        ? $"Data Source={FileOf(JournalFileName)}"
        : PostgresConnectionString!;

    public string SnapshotConnectionString => Kind == StoreKind.Sqlite
        ? $"Data Source={FileOf(SnapshotFileName)}"
        : PostgresConnectionString!;

    public string ReadConnectionString => Kind == StoreKind.Sqlite
        ? $"Data Source={FileOf(ReadFileName)}"
        : PostgresConnectionString!;

    /// <summary>The path of one of the SQLite store's files (<see cref="JournalFileName"/>, ...) in <see cref="DataDirectory"/>.</summary>
    public string FileOf(string fileName) => Path.Combine(DataDirectory, fileName);
}
