using RevenueShare.Ledger.Storage;
using RevenueShare.Tests.Postgres;

namespace RevenueShare.Server.Tests.Identity;

/// <summary>The token store on a real PostgreSQL server, a fresh database per test.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresTokenStoreTests(PostgresFixture postgres) : TokenStoreContract
{
    protected override async Task<StoreOptions> StoreAsync() =>
        StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("tokens"));
}
