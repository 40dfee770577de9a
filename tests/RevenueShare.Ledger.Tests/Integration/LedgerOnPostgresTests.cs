using RevenueShare.Ledger.Storage;
using RevenueShare.Tests.Postgres;

namespace RevenueShare.Ledger.Tests.Integration;

[Collection(PostgresFixture.Collection)]
public sealed class LedgerOnPostgresTests(PostgresFixture postgres) : LedgerOnStoreContract
{
    protected override async Task<StoreOptions> NewStoreAsync() =>
        StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("ledger"));
}
