using Npgsql;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Tests.Storage;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void The_ledger_s_connections_prepare_their_statements_and_keep_everything_else_the_operator_gave()
    {
        var store = StoreOptions.PostgreSql("Host=db.example;Port=5433;Username=ledger;Database=revenue;Timeout=7");
        foreach (var connectionString in new[] { store.JournalConnectionString, store.SnapshotConnectionString, store.ReadConnectionString })
        {
            var tuned = new NpgsqlConnectionStringBuilder(connectionString);
            Assert.Equal((PostgresConnection.AutoPrepared, 2), (tuned.MaxAutoPrepare, tuned.AutoPrepareMinUsages));
            Assert.Equal(("db.example", 5433, "ledger", "revenue", 7), (tuned.Host, tuned.Port, tuned.Username, tuned.Database, tuned.Timeout));
        }
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    public void An_operator_s_own_preparation_setting_is_left_as_given(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned(connectionString)).MaxAutoPrepare);
}
