using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Demo;
using RevenueShare.Server.Tests.Support;
using RevenueShare.Tests.Postgres;

namespace RevenueShare.Server.Tests.Http;

/// <summary>The host on PostgreSQL: tokens and the offices' pages work there too, and health reports a lost database.</summary>
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
    public async Task The_offices_pages_work_on_postgresql()
    {
        var connection = await postgres.CreateDatabaseAsync("pages");
        await using var server = await RunningServer.StartAsync(store: StoreOptions.PostgreSql(connection));
        await server.App.Services.GetRequiredService<DemoLoader>().LoadAsync(TestReference.ContractsDirectory, CancellationToken.None);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = server.Client.BaseAddress,
        };
        var form = await browser.GetStringAsync("/signin");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signedIn = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["Token"] = await server.IssueTokenAsync(Principal.ForDistrict(DistrictCode.Parse("440106"))),
        }));

        var agreements = await browser.GetStringAsync("/agreements");
        var statement = await browser.GetStringAsync("/statement?from=2025-01&to=2025-12");

        Assert.Contains("天河区财政局", agreements, StringComparison.Ordinal);
        Assert.Contains("GZ-2026-0006", agreements, StringComparison.Ordinal);
        Assert.DoesNotContain("GZ-2026-0001", agreements, StringComparison.Ordinal);
        Assert.Contains("天河区跨区产业联动收益共享结算单", statement, StringComparison.Ordinal);
        Assert.Contains("增值税（地方分享部分）", statement, StringComparison.Ordinal);
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
