using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;
using RevenueShare.Tests.Postgres;

namespace RevenueShare.Ledger.Tests.Storage;

/// <summary>The read-side database on a real PostgreSQL server: the common SQL runs there.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ReadDatabasePostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Schema_statements_are_idempotent_and_upserts_work()
    {
        var database = new ReadDatabase(StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("read")));
        string[] schema = ["CREATE TABLE IF NOT EXISTS probe (id TEXT PRIMARY KEY, n INTEGER NOT NULL)"];

        await database.EnsureSchemaAsync(schema);
        await database.EnsureSchemaAsync(schema);

        await using var connection = await database.OpenAsync();
        for (var n = 1; n <= 2; n++)
        {
            await using var upsert = connection.CreateCommand();
            upsert.CommandText = "INSERT INTO probe (id, n) VALUES (@id, @n) ON CONFLICT (id) DO UPDATE SET n = excluded.n";
            var id = upsert.CreateParameter();
            id.ParameterName = "@id";
            id.Value = "a";
            var value = upsert.CreateParameter();
            value.ParameterName = "@n";
            value.Value = n;
            upsert.Parameters.Add(id);
            upsert.Parameters.Add(value);
            await upsert.ExecuteNonQueryAsync();
        }

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT n FROM probe WHERE id = 'a'";
        Assert.Equal(2, Convert.ToInt32(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Only_the_projection_s_transaction_commits_without_waiting_for_the_log_and_no_pooled_connection_keeps_it()
    {
        var database = new ReadDatabase(StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("commit")));

        await using (var projection = await ProjectionTransaction.BeginAsync(database, CancellationToken.None))
        {
            Assert.Equal("off", await projection.Command("SHOW synchronous_commit").ExecuteScalarAsync());
            await projection.CommitAsync(CancellationToken.None);
        }

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await database.OpenAsync();
            await using var show = connection.CreateCommand();
            show.CommandText = "SHOW synchronous_commit";
            Assert.Equal("on", await show.ExecuteScalarAsync());
        }
    }
}
