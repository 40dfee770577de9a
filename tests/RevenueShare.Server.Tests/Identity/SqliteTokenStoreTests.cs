using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Identity;

/// <summary>The token store on the embedded SQLite store, a fresh data folder per test.</summary>
public sealed class SqliteTokenStoreTests : TokenStoreContract, IDisposable
{
    private readonly TempDirectory directory = new();

    protected override Task<StoreOptions> StoreAsync() => Task.FromResult(StoreOptions.Sqlite(directory.Path));

    public void Dispose() => directory.Dispose();
}
