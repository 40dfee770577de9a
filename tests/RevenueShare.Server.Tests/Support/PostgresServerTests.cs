using Npgsql;
using RevenueShare.Tests.Postgres;

namespace RevenueShare.Server.Tests.Support;

/// <summary>The throwaway server itself: databases are separate, names are checked.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresServerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Each_database_starts_empty_and_apart_from_the_others()
    {
        var first = await postgres.CreateDatabaseAsync("apart");
        var second = await postgres.CreateDatabaseAsync("apart");
        await ExecuteAsync(first, "CREATE TABLE marker (id INTEGER)");

        Assert.NotEqual(first, second);
        Assert.Equal(1L, await ScalarAsync(first, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'"));
        Assert.Equal(0L, await ScalarAsync(second, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'"));
    }

    [Fact]
    public async Task Creating_a_database_again_gives_a_fresh_one()
    {
        var name = PostgresServer.UniqueName("again");
        var connection = await postgres.Server.CreateDatabaseAsync(name);
        await ExecuteAsync(connection, "CREATE TABLE marker (id INTEGER)");

        var again = await postgres.Server.CreateDatabaseAsync(name);

        Assert.Contains($"Database={name}", again, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(again, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'"));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("semi;colon")]
    [InlineData("quote\"d")]
    [InlineData("")]
    public async Task Names_that_would_need_quoting_are_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => postgres.Server.CreateDatabaseAsync(name));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
