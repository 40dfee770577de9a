namespace RevenueShare.Tests.Postgres;

/// <summary>
/// One PostgreSQL server per test run of an assembly, shared by every class in the
/// <c>[Collection("postgres")]</c> collection (each test assembly declares the collection:
/// xunit looks for the definition in the assembly itself). Tests take a database each through
/// <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Collection = "postgres";

    private PostgresServer? server;

    public PostgresServer Server => server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    /// <summary>A fresh, uniquely named database; its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) =>
        Server.CreateDatabaseAsync(PostgresServer.UniqueName(prefix));

    public async Task InitializeAsync() => server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
