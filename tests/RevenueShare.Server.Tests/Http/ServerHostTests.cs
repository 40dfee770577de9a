using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Http;

/// <summary>The host over real HTTP: authentication, problem answers, health and OpenAPI.</summary>
public sealed class ServerHostTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() =>
        server = await RunningServer.StartAsync(app =>
        {
            // A stand-in for the ledger's JSON endpoints: a figure batch echoed back.
            app.MapPost("/api/test/echo", (EchoBatch batch) => TypedResults.Ok(batch));
            app.MapGet("/api/test/now", (IClock clock) => TypedResults.Ok(clock.GetCurrentInstant().ToString()));
        });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Health_is_anonymous_and_names_the_store()
    {
        var response = await server.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("sqlite", body.GetProperty("store").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_anonymously()
    {
        var response = await server.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        Assert.True(paths.GetProperty("/api/whoami").GetProperty("get").TryGetProperty("security", out _));
        Assert.Equal(0, paths.GetProperty("/health").GetProperty("get").GetProperty("security").GetArrayLength());
    }

    [Theory]
    [InlineData(null, "Bearer")]
    [InlineData("rs_not-a-token", "Bearer error=\"invalid_token\"")]
    [InlineData("garbage", "Bearer error=\"invalid_token\"")]
    public async Task Api_routes_answer_401_problem_without_a_valid_token(string? token, string challenge)
    {
        var response = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/whoami", token));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(challenge, Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("urn:revenueshare:problem:unauthorized", problem.Type);
        Assert.False(string.IsNullOrEmpty(problem.Detail));
    }

    [Theory]
    [InlineData("/api/whoami", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/no-such-route", "finance", HttpStatusCode.NotFound)]
    public async Task Problems_are_json_even_when_the_client_asks_for_html(string path, string? office, HttpStatusCode expected)
    {
        var token = office is null ? null : await server.IssueTokenAsync(Principal.Finance);
        var request = RunningServer.Request(HttpMethod.Get, path, token);
        request.Headers.Accept.ParseAdd("text/html");

        var response = await server.Client.SendAsync(request);

        await Problem.ReadAsync(response, expected);
    }

    [Fact]
    public async Task A_non_bearer_authorization_header_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dGF4OnRheA==");

        var response = await server.Client.SendAsync(request);

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Even_unknown_api_routes_need_a_token()
    {
        var response = await server.Client.GetAsync("/api/no-such-route");

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_api_routes_answer_404_problem_to_an_authenticated_caller()
    {
        var token = await server.IssueTokenAsync(Principal.Finance);

        var response = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/no-such-route", token));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("urn:revenueshare:problem:not-found", problem.Type);
    }

    [Theory]
    [InlineData("tax")]
    [InlineData("statistics")]
    [InlineData("finance")]
    [InlineData("district")]
    public async Task Whoami_names_the_office_holding_the_token(string office)
    {
        var principal = office == "district"
            ? Principal.ForDistrict(TestReference.SomeDistrict)
            : (Principal.TryParse(office, TestReference.Reference, out var p, out _) ? p : throw new InvalidOperationException());
        var token = await server.IssueTokenAsync(principal);

        var response = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/whoami", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(principal.ToString(), body.GetProperty("principal").GetString());
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var issued = await server.Tokens.CreateAsync(Principal.Tax, RunningServer.Now);
        var before = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/whoami", issued.Secret));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await server.Tokens.RevokeAsync(issued.Id, RunningServer.Now);
        var after = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/whoami", issued.Secret));

        await Problem.ReadAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Endpoints_read_time_from_the_injected_clock()
    {
        var token = await server.IssueTokenAsync(Principal.Finance);

        var response = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/test/now", token));

        Assert.Equal(RunningServer.Now.ToString(), await response.Content.ReadFromJsonAsync<string>());
    }

    [Theory]
    [InlineData("""{"reports":[{"reportId":"a","revision":1},{"reportId":"b","revision":"2"}]}""", "$.reports[1].revision")]
    [InlineData("""{"reports":[{"reportId":"a","revision":1.5}]}""", "$.reports[0].revision")]
    [InlineData("""{"reports":[{"reportId":7,"revision":1}]}""", "$.reports[0].reportId")]
    [InlineData("""{"reports":{"reportId":"a"}}""", "$.reports")]
    [InlineData("""{"reports":[{"reportId":"a",""", "$.reports[0]")]
    [InlineData("""not json""", "$")]
    public async Task Malformed_json_answers_400_problem_with_the_field_path(string json, string path)
    {
        var token = await server.IssueTokenAsync(Principal.Tax);
        var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Post, "/api/test/echo", token, content));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("urn:revenueshare:problem:invalid-request", problem.Type);
        var error = Assert.Single(problem.Errors);
        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RevenueShare.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_json_properties_are_refused_with_their_path()
    {
        var token = await server.IssueTokenAsync(Principal.Tax);
        var json = """{"reports":[{"reportId":"a","revision":1,"enterpriseName":"示例"}],"note":"extra"}""";

        var response = await server.Client.SendAsync(RunningServer.Request(
            HttpMethod.Post, "/api/test/echo", token, new StringContent(json, Encoding.UTF8, "application/json")));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("$.reports[0].enterpriseName", Assert.Single(problem.Errors).Path);
    }

    public sealed record EchoBatch(IReadOnlyList<EchoReport> Reports);

    public sealed record EchoReport(string ReportId, int Revision);
}
