using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.EndToEnd.Harness;

/// <summary>
/// The whole service for an end-to-end test: the real host (<see cref="RunningServer"/>) on a store of
/// its own (a SQLite folder, or a PostgreSQL database), the clock at <see cref="Now"/> so every month
/// of 2025 has ended, a token per office issued through the <c>TokenStore</c>, and typed helpers that
/// speak only HTTP. <see cref="RestartAsync"/> stops the service and starts it again on the same data.
/// </summary>
internal sealed class LedgerUnderTest : IAsyncDisposable
{
    public const string Finance = "finance";
    public const string Tax = "tax";
    public const string Statistics = "statistics";

    private readonly TempDirectory? folder;
    private readonly Func<ServeOptions, ServeOptions>? options;
    private readonly Dictionary<string, string> tokens = new(StringComparer.Ordinal);
    private RunningServer server;

    private LedgerUnderTest(TempDirectory? folder, StoreOptions store, Func<ServeOptions, ServeOptions>? options, RunningServer server)
    {
        this.folder = folder;
        Store = store;
        this.options = options;
        this.server = server;
    }

    /// <summary>2026-11-27: every month up to 2026-10 has ended, China time; 2026-11 has not.</summary>
    public static Instant Now { get; } = Instant.FromUtc(2026, 11, 27, 0, 0, 0);

    public StoreOptions Store { get; }

    public RunningServer Server => server;

    /// <summary>Starts on a fresh SQLite folder when <paramref name="store"/> is null; <paramref name="options"/> as for <see cref="RunningServer.StartAsync"/>.</summary>
    public static async Task<LedgerUnderTest> StartAsync(StoreOptions? store = null, Func<ServeOptions, ServeOptions>? options = null)
    {
        var folder = store is null ? new TempDirectory() : null;
        store ??= StoreOptions.Sqlite(folder!.Path);
        var server = await RunningServer.StartAsync(store: store, now: Now, options: options);
        return new LedgerUnderTest(folder, store, options, server);
    }

    /// <summary>Stops the service and starts a new one on the same store; tokens live in the store and stay valid.</summary>
    public async Task RestartAsync()
    {
        await server.DisposeAsync();
        server = await RunningServer.StartAsync(store: Store, now: Now, options: options);
    }

    public static string District(string code) => "district:" + code;

    /// <summary>The token of an office (<c>finance</c>, <c>tax</c>, <c>statistics</c>, <c>district:440106</c>), issued on first use.</summary>
    public async Task<string> TokenAsync(string office)
    {
        if (!tokens.TryGetValue(office, out var token))
        {
            Assert.True(Principal.TryParse(office, TestReference.Reference, out var principal, out var error), error);
            token = (await server.Tokens.CreateAsync(principal, Now)).Secret;
            tokens[office] = token;
        }

        return token;
    }

    /// <summary>Sends a request as <paramref name="office"/> (none when null). A string body is sent as it is; anything else as JSON.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? office, object? body = null)
    {
        var token = office is null ? null : await TokenAsync(office);
        return await SendWithTokenAsync(method, path, token, body);
    }

    public async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        HttpContent? content = body switch
        {
            null => null,
            string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
            JsonNode node => new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"),
            _ => new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
        };
        using var request = RunningServer.Request(method, path, token, content);
        return await server.Client.SendAsync(request);
    }

    /// <summary>Sends and checks the status; the body as JSON.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, string? office, object? body = null)
    {
        var response = await SendAsync(method, path, office, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path} as {office}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> GetAsync(string path, string office) => ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, office);

    /// <summary>The body of a 200 GET, as text: for byte-for-byte comparisons.</summary>
    public async Task<string> GetTextAsync(string path, string office)
    {
        var response = await SendAsync(HttpMethod.Get, path, office);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} as {office}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>The first party proposes; returns the new agreement's id.</summary>
    public async Task<string> CreateAsync(JsonObject document)
    {
        var created = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/agreements", District(Docs.Proposer(document)), document);
        Assert.Equal("Draft", created.GetProperty("state").GetString());
        return created.GetProperty("id").GetString()!;
    }

    public Task<JsonElement> FireAsync(string id, string trigger, string office, object? body = null) =>
        ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/{trigger}", office, body);

    /// <summary>Submit by the proposer, countersign by every other party; the agreement then awaits approval.</summary>
    public async Task SignAsync(string id, JsonObject document)
    {
        await FireAsync(id, "submit", District(Docs.Proposer(document)));
        foreach (var party in Docs.Parties(document).Skip(1))
        {
            await FireAsync(id, "countersign", District(party));
        }
    }

    /// <summary>Create, submit, countersign and approve: an Active agreement; its id.</summary>
    public async Task<string> CreateActiveAsync(JsonObject document)
    {
        var id = await CreateAsync(document);
        await SignAsync(id, document);
        var approved = await FireAsync(id, "approve", Finance, new { reason = "approved for the test" });
        Assert.Equal("Active", approved.GetProperty("state").GetString());
        return id;
    }

    /// <summary>
    /// Create and sign; report <paramref name="history"/> (each report's agreement set to this one) and
    /// certify every enterprise's history as the tax office; approve: an Active agreement whose derived
    /// caps and baselines are known; its id.
    /// </summary>
    public async Task<string> CreateCertifiedActiveAsync(JsonObject document, IEnumerable<JsonObject> history)
    {
        var id = await CreateAsync(document);
        await SignAsync(id, document);
        await BookAsync(Tax, [.. history.Select(r => { var report = (JsonObject)r.DeepClone(); report["agreement"] = id; return report; })]);
        foreach (var enterprise in document["enterprises"]!.AsArray())
        {
            await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/enterprises/{(string)enterprise!["id"]!}/certify", Tax);
        }

        var approved = await FireAsync(id, "approve", Finance, new { reason = "approved for the test" });
        Assert.Equal("Active", approved.GetProperty("state").GetString());
        return id;
    }

    public async Task<JsonElement> AgreementAsync(string id, string office = Finance) =>
        await GetAsync($"/api/agreements/{id}", office);

    /// <summary>Posts a batch; the raw answer (status and body) for the caller to judge.</summary>
    public Task<HttpResponseMessage> PostFiguresAsync(string office, params JsonObject[] reports) =>
        SendAsync(HttpMethod.Post, "/api/figures", office, new JsonObject { ["reports"] = new JsonArray([.. reports]) });

    /// <summary>Posts a batch that must be booked in full; the per-report results.</summary>
    public async Task<JsonElement> BookAsync(string office, params JsonObject[] reports)
    {
        var response = await PostFiguresAsync(office, reports);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"figures as {office}: {(int)response.StatusCode} {text}");
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results").Clone();
        foreach (var result in results.EnumerateArray())
        {
            Assert.True(result.GetProperty("status").GetString() == "booked", $"not booked: {result}");
        }

        return results;
    }

    public async Task<IReadOnlyList<Entry>> AllocationsAsync(string office = Finance, string query = "")
    {
        var body = await GetAsync("/api/allocations" + (query.Length == 0 ? "" : "?" + query), office);
        return [.. body.GetProperty("entries").EnumerateArray().Select(Entry.From)];
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        folder?.Dispose();
    }
}

/// <summary>One allocation or adjustment entry as the API answers it.</summary>
internal sealed record Entry(
    string Agreement, string Enterprise, string Indicator, string Month, string District, decimal Amount, string AmountText,
    string Kind, string? ReportId, string? Reason, string BookedBy, JsonElement Raw)
{
    public static Entry From(JsonElement e) => new(
        e.GetProperty("agreement").GetString()!,
        e.GetProperty("enterprise").GetString()!,
        e.GetProperty("indicator").GetString()!,
        e.GetProperty("month").GetString()!,
        e.GetProperty("district").GetString()!,
        decimal.Parse(e.GetProperty("amount").GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        e.GetProperty("amount").GetString()!,
        e.GetProperty("kind").GetString()!,
        e.TryGetProperty("reportId", out var report) && report.ValueKind == JsonValueKind.String ? report.GetString() : null,
        e.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
        e.GetProperty("bookedBy").GetString()!,
        e.Clone());

    /// <summary>Current allocation per district for one enterprise, indicator and month: the sum of its entries.</summary>
    public static IReadOnlyDictionary<string, decimal> Current(IEnumerable<Entry> entries, string enterprise, string indicator, string month) =>
        entries.Where(e => e.Enterprise == enterprise && e.Indicator == indicator && e.Month == month)
            .GroupBy(e => e.District)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
}

/// <summary>Pretty much every problem answer the tests meet, with the body kept for messages.</summary>
internal static class Responses
{
    public static async Task<(Problem Problem, JsonElement Body)> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await Problem.ReadAsync(response, expected);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.StartsWith("urn:revenueshare:problem:", problem.Type, StringComparison.Ordinal);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (problem, body);
    }
}
