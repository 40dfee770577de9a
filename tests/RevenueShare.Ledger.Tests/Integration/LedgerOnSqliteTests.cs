using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Tests.Integration;

public sealed class LedgerOnSqliteTests : LedgerOnStoreContract, IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "revshare-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    protected override Task<StoreOptions> NewStoreAsync() =>
        Task.FromResult(StoreOptions.Sqlite(Path.Combine(dataDirectory, Guid.NewGuid().ToString("N"))));
}
