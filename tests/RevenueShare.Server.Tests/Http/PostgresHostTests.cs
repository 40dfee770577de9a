using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using RevenueShare.Domain;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.Support;
using RevenueShare.Tests.Postgres;

namespace RevenueShare.Server.Tests.Http;

/// <summary>The host on PostgreSQL: tokens work there too, and health reports a lost database.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresHostTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Tokens_and_health_work_on_postgresql()
    {
        var connection = await postgres.CreateDatabaseAsync("host");
        await using var server = await RunningServer.StartAsync(store: StoreOptions.PostgreSql(connection));
        var token = await server.IssueTokenAsync(Principal.Statistics);

        var health = await server.Client.GetFromJsonAsync<JsonElement>("/health");
        var whoami = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/whoami", token));

        Assert.Equal("postgresql", health.GetProperty("store").GetString());
        Assert.Equal("statistics", (await whoami.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("principal").GetString());
    }

    [Fact]
    public async Task Health_answers_503_problem_when_the_database_is_gone()
    {
        var connection = await postgres.CreateDatabaseAsync("lost");
        await using var server = await RunningServer.StartAsync(store: StoreOptions.PostgreSql(connection));
        var database = new NpgsqlConnectionStringBuilder(connection).Database;
        await using (var admin = new NpgsqlConnection(postgres.Server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        var response = await server.Client.GetAsync("/health");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("urn:revenueshare:problem:unavailable", problem.Type);
    }
}
