using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Contract;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>
/// What the committed OpenAPI document declares, read as an integrator's generator reads it: every error
/// answer typed, every parameter described, text answers and examples where the API has them; and the
/// server's real answers hold to the declared problem shape.
/// </summary>
public sealed class ContractDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static JsonObject Document => JsonNode.Parse(ContractFiles.Read("openapi.json"))!.AsObject();

    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var method in Methods.Where(m => item![m] is not null))
            {
                data.Add(method, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_error_answer_is_a_typed_problem(string method, string path)
    {
        var operation = Document["paths"]![path]![method]!;
        var errors = operation["responses"]!.AsObject().Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400).ToList();

        Assert.Contains(errors, r => r.Key == "503");
        Assert.Contains(errors, r => r.Key == "431");
        Assert.Equal(operation["security"]!.AsArray().Count > 0, errors.Any(r => r.Key == "401"));
        Assert.Equal(operation["requestBody"] is not null, errors.Any(r => r.Key == "415"));
        foreach (var (status, response) in errors)
        {
            Assert.Equal(
                "#/components/schemas/ProblemDetails",
                response!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
            Assert.Contains("urn:revenueshare:problem:", response["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Single(response["content"]!.AsObject());
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_operation_has_a_summary_a_description_a_tag_and_described_parameters(string method, string path)
    {
        var operation = Document["paths"]![path]![method]!;
        var tags = Document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();

        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()));
        Assert.Contains(Assert.Single(operation["tags"]!.AsArray())!.GetValue<string>(), tags);
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            Assert.False(string.IsNullOrWhiteSpace(parameter!["description"]?.GetValue<string>()), $"{path}: {parameter["name"]}");
            var schema = parameter["schema"]!.AsObject();
            Assert.True(schema.ContainsKey("$ref") || schema.ContainsKey("pattern") || schema.ContainsKey("enum") || schema.ContainsKey("minimum") || schema.ContainsKey("format"), $"{path}: {parameter["name"]} has only a type");
        }
    }

    [Fact]
    public void Health_needs_no_token_and_every_api_route_a_bearer_one()
    {
        var document = Document;
        Assert.Empty(document["paths"]!["/health"]!["get"]!["security"]!.AsArray());
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var method in Methods.Where(m => item![m] is not null))
            {
                Assert.Equal("""[{"bearer":[]}]""", item![method]!["security"]!.ToJsonString());
            }
        }

        Assert.Equal("http://127.0.0.1:5080", document["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/allocations", "text/csv")]
    [InlineData("/api/reconciliation", "text/csv")]
    [InlineData("/api/districts/{code}/statement", "text/csv")]
    [InlineData("/api/settlement", "text/csv")]
    [InlineData("/api/agreements/{id}/lifecycle", "text/plain")]
    [InlineData("/api/agreements/{id}/lifecycle", "text/vnd.graphviz")]
    public void Text_answers_are_declared(string path, string mediaType) =>
        Assert.Equal("string", Document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]![mediaType]!["schema"]!["type"]!.GetValue<string>());

    [Fact]
    public void The_request_examples_are_the_committed_files()
    {
        var agreements = Document["paths"]!["/api/agreements"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
        Assert.Equal(ContractFiles.JsonFilesIn("examples", "agreements").Select(f => f[..^5]).Order(StringComparer.Ordinal), agreements.Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var (name, example) in agreements)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractFiles.Read("examples", "agreements", name + ".json")), example!["value"]), name);
        }

        var figures = Document["paths"]!["/api/figures"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["restatements-2025"]!["value"];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractFiles.Read("examples", "figures", "restatements-2025.json")), figures));
    }

    [Fact]
    public void The_request_bodies_are_the_schema_files_shapes()
    {
        string Body(string path, string method) =>
            Document["paths"]![path]![method]!["requestBody"]!["content"]!.AsObject().Single().Value!["schema"]!["$ref"]!.GetValue<string>();

        Assert.Equal("#/components/schemas/" + ContractFiles.Agreement.Component, Body("/api/agreements", "post"));
        Assert.Equal("#/components/schemas/" + ContractFiles.Agreement.Component, Body("/api/agreements/{id}", "put"));
        Assert.Equal("#/components/schemas/" + ContractFiles.Amendment.Component, Body("/api/agreements/{id}/amendments", "post"));
        Assert.Equal("#/components/schemas/" + ContractFiles.FigureBatch.Component, Body("/api/figures", "post"));
        Assert.Equal("#/components/schemas/" + ContractFiles.Trigger.Component, Body("/api/agreements/{id}/{trigger}", "post"));
        Assert.Equal("#/components/schemas/" + ContractFiles.Trigger.Component, Body("/api/agreements/{id}/amendments/{number}/{trigger}", "post"));
        Assert.Equal("#/components/schemas/" + ContractFiles.Review.Component, Body("/api/agreements/{id}/months/{month}/reviews", "post"));
    }

    /// <summary>
    /// The server's own problems, read off the wire: each holds to the problem schema in both contracts,
    /// carries the type expected, and comes at a status its operation declares.
    /// </summary>
    [Fact]
    public async Task Real_problems_hold_to_the_problem_schema_at_declared_statuses()
    {
        await using var server = await RunningServer.StartAsync();
        var tax = await server.IssueTokenAsync(Principal.Tax);
        var district = await server.IssueTokenAsync(Principal.ForDistrict(TestReference.SomeDistrict));
        HttpContent Json(string json) => new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var restatements = ContractFiles.Read("examples", "figures", "restatements-2025.json");

        (string Method, string Path, string Operation, string? Token, HttpContent? Body, int Status, string Type)[] rows =
        [
            ("get", "/api/agreements", "/api/agreements", null, null, 401, "unauthorized"),
            ("get", "/api/agreements/GZ-2026-9999", "/api/agreements/{id}", district, null, 404, "not-found"),
            ("post", "/api/agreements", "/api/agreements", district, Json("""{ "title": "x" }"""), 400, "invalid-request"),
            ("post", "/api/agreements", "/api/agreements", district, new StringContent("title", System.Text.Encoding.UTF8, "text/plain"), 415, "unsupported-media-type"),
            ("post", "/api/agreements/GZ-2026-9999/frobnicate", "/api/agreements/{id}/{trigger}", district, null, 404, "not-found"),
            ("get", "/api/agreements/GZ-2026-9999/lifecycle?format=png", "/api/agreements/{id}/lifecycle", district, null, 404, "not-found"),
            ("get", "/api/settlement?year=abc", "/api/settlement", district, null, 400, "invalid-request"),
            ("get", "/api/reconciliation?month=2025-01", "/api/reconciliation", tax, null, 403, "forbidden"),
            ("post", "/api/figures", "/api/figures", tax, Json(restatements), 409, "batch-rejected"),
            ("post", "/api/figures", "/api/figures", district, Json(restatements), 403, "forbidden"),
        ];

        var document = Document;
        foreach (var (method, path, operation, token, body, status, type) in rows)
        {
            var answer = await server.Client.SendAsync(RunningServer.Request(new HttpMethod(method.ToUpperInvariant()), path, token, body));
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(status == (int)answer.StatusCode, $"{method} {path}: {text}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(text);
            Assert.Equal("urn:revenueshare:problem:" + type, problem.RootElement.GetProperty("type").GetString());
            var (file, openApi) = ContractFiles.Problem.Evaluate(problem.RootElement);
            Assert.True(file.IsValid, ContractFiles.Describe(file));
            Assert.True(openApi.IsValid, ContractFiles.Describe(openApi));
            var declared = document["paths"]![operation]![method]!["responses"]!.AsObject();
            Assert.True(declared.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{method} {operation} does not declare {status}");
            Assert.Contains(type, declared[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_event_kind_has_its_typed_detail()
    {
        var events = typeof(IAgreementEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAgreementEvent).IsAssignableFrom(t));
        Assert.Equal(events.Select(t => t.Name).Order(StringComparer.Ordinal), AuditEventSchemas.Kinds.Select(k => k.Event.Name).Order(StringComparer.Ordinal));

        var view = Document["components"]!["schemas"]!["AuditEventView"]!;
        Assert.Equal("type", view["discriminator"]!["propertyName"]!.GetValue<string>());
        Assert.Equal(
            AuditEventSchemas.Kinds.Select(k => AuditEventSchemas.KindOf(k.Event)),
            view["discriminator"]!["mapping"]!.AsObject().Select(m => m.Key));
    }

    /// <summary>
    /// The demo's trails (six agreements through approval and a year of bookings), with a review, a
    /// suspension and an amendment added, read off the wire, hold to the document's typed events.
    /// </summary>
    [Fact]
    public async Task Real_audit_trails_hold_to_their_event_schemas()
    {
        await using var server = await RunningServer.StartAsync(options: o => o with { Demo = true });
        for (var tries = 0; (await server.Client.GetAsync("/health")).StatusCode != HttpStatusCode.OK; tries++)
        {
            Assert.True(tries < 600, "the demo did not load within a minute");
            await Task.Delay(100);
        }

        var finance = await server.IssueTokenAsync(Principal.Finance);
        var tax = await server.IssueTokenAsync(Principal.Tax);
        var listed = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/agreements", finance));
        var list = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!;
        var ids = list["agreements"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(8, ids.Count);
        await Send(HttpMethod.Post, $"/api/agreements/{ids[0]}/months/2025-01/reviews", tax, new { decision = "approve" });
        await Send(HttpMethod.Post, $"/api/agreements/{ids[1]}/suspend", finance, new { from = "2026-06", reason = "停产整顿" });

        var schema = new ContractSchema("(none)", "AuditTrailResponse");
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var answer = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, $"/api/agreements/{id}/events", finance));
            using var trail = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            var results = ContractFiles.Evaluate(schema.FromOpenApi, trail.RootElement);
            Assert.True(results.IsValid, ContractFiles.Describe(results));
            kinds.UnionWith(trail.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!));
        }

        Assert.Superset(
            new HashSet<string>(["agreement-created", "agreement-submitted", "agreement-countersigned", "agreement-approved", "figures-booked", "month-reviewed", "agreement-suspended", "factors-reported", "history-reported", "history-certified"], StringComparer.Ordinal),
            kinds);

        async Task Send(HttpMethod method, string path, string token, object body)
        {
            var response = await server.Client.SendAsync(RunningServer.Request(method, path, token, JsonContent.Create(body)));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
