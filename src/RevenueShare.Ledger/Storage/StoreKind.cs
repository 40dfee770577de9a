namespace RevenueShare.Ledger.Storage;

public enum StoreKind
{
    /// <summary>SQLite files under a data directory: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: production.</summary>
    PostgreSql,
}
