using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// One table of rights (docs/users-and-rights.md): every route of the API (<c>ApiRoutes</c>, each lifecycle
/// trigger apart) and the anonymous machine routes, against every kind of caller, with the status each
/// must get — 401 without valid credentials, 404 for what the caller may not see, 403 for what it sees
/// but may not do — driven through the real server over HTTP. A refusal, and any read, leaves the
/// ledger as it was; a write the caller may make is made on a ledger of its own and must change it. A
/// read the caller may make is checked for need to know: a district sees only the agreements it is
/// party to and what belongs to them, statistics only statistical indicators, tax only tax indicators.
/// The agreements are <see cref="ProbeLedger"/>'s, all of Tianhe (the proposer) and Huangpu (the
/// other party); Liwan is party to none.
/// </summary>
public sealed class RightsMatrixTests(ProbeLedger shared) : IClassFixture<ProbeLedger>
{
    /// <summary>The columns of the table, in its order.</summary>
    public enum Caller
    {
        Finance,
        Tax,
        Statistics,

        /// <summary>Tianhe, 440106: proposer of every agreement, and of the amendments.</summary>
        Proposer,

        /// <summary>Huangpu, 440112: the other party of every agreement.</summary>
        CoParty,

        /// <summary>Liwan, 440103: party to none.</summary>
        Outsider,
        NoToken,
        UnknownToken,
        RevokedToken,
    }

    private const string Statement2025 = "from=2025-01&to=2025-12";

    private static readonly string[] BothFamilies = ["statistics", "tax"];

    private static readonly string[] SettlementRows = ["gross", "totals", "transfers"];

    /// <summary>
    /// The table. Columns: finance, tax, statistics, proposer, other party, outsider, no token, unknown
    /// token, revoked token. Route placeholders are <see cref="ProbeLedger.Route"/>'s.
    /// </summary>
    private static readonly Row[] Table =
    [
        //   method  route                                                   body           fin  tax  stat prop co   out  none unkn revk
        new("GET",  "/health",                                               null,         [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        new("GET",  "/health/live",                                          null,         [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        new("GET",  "/health/ready",                                         null,         [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        new("GET",  "/openapi/v1.json",                                      null,         [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        new("GET",  "/api/whoami",                                           null,         [200, 200, 200, 200, 200, 200, 401, 401, 401], WhoAmI),
        new("GET",  "/api/agreements",                                       null,         [200, 200, 200, 200, 200, 200, 401, 401, 401], AgreementList),
        new("POST", "/api/agreements",                                       Body.New,     [403, 403, 403, 201, 201, 403, 401, 401, 401]),
        new("GET",  "/api/agreements/{active}",                              null,         [200, 200, 200, 200, 200, 404, 401, 401, 401], ActiveAgreement),
        new("PUT",  "/api/agreements/{draft}",                               Body.Draft,   [403, 403, 403, 200, 403, 404, 401, 401, 401]),
        new("GET",  "/api/agreements/{active}/events",                       null,         [200, 200, 200, 200, 200, 404, 401, 401, 401], AuditTrail),
        new("GET",  "/api/agreements/{active}/lifecycle?format=dot",         null,         [200, 200, 200, 200, 200, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{draft}/submit",                        null,         [403, 403, 403, 200, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{draft}/withdraw",                      Body.Reason,  [403, 403, 403, 200, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{submitted}/countersign",               null,         [403, 403, 403, 403, 200, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{pending}/approve",                     Body.Reason,  [200, 403, 403, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{pending}/reject",                      Body.Reason,  [200, 403, 403, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{active}/suspend",                      Body.Month,   [200, 403, 403, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{suspended}/resume",                    Body.Reason,  [200, 403, 403, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{active}/terminate",                    Body.Month,   [200, 403, 403, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{active}/amendments",                   Body.Amend,   [403, 403, 403, 200, 200, 404, 401, 401, 401]),
        new("GET",  "/api/agreements/{amended}/amendments/1/preview",        null,         [200, 403, 403, 200, 200, 404, 401, 401, 401], Preview),
        new("POST", "/api/agreements/{amended}/amendments/1/countersign",    null,         [403, 403, 403, 403, 200, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{amended}/amendments/1/withdraw",       Body.Reason,  [403, 403, 403, 200, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{amendedSigned}/amendments/1/approve",  Body.Reason,  [200, 403, 403, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{amendedSigned}/amendments/1/reject",   Body.Reason,  [200, 403, 403, 403, 403, 404, 401, 401, 401]),
        new("GET",  "/api/agreements/{active}/months/2025-01/reviews",       null,         [200, 200, 200, 200, 200, 404, 401, 401, 401], Reviews),
        new("POST", "/api/agreements/{active}/months/2025-01/reviews",       Body.Review,  [403, 200, 200, 403, 403, 404, 401, 401, 401]),
        new("GET",  "/api/agreements/{formula}/factors",                     null,         [200, 200, 403, 200, 200, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{formula}/factors",                     Body.Factors, [403, 200, 403, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{formula}/factors/import",              Body.FactorsCsv, [403, 200, 403, 403, 403, 404, 401, 401, 401]),
        new("GET",  "/api/agreements/{derived}/enterprises/{derivedEnterprise}/history", null, [200, 200, 200, 200, 200, 404, 401, 401, 401]),
        new("POST", "/api/agreements/{derived}/enterprises/{derivedEnterprise}/certify", null, [403, 200, 409, 403, 403, 404, 401, 401, 401]),
        new("POST", "/api/figures",                                          Body.History, [403, 200, 403, 403, 403, 403, 401, 401, 401]),
        new("POST", "/api/figures",                                          Body.Vat,     [403, 200, 403, 403, 403, 403, 401, 401, 401]),
        new("POST", "/api/figures",                                          Body.Output,  [403, 403, 200, 403, 403, 403, 401, 401, 401]),
        new("POST", "/api/figures/import",                                   Body.Csv,     [403, 200, 200, 403, 403, 403, 401, 401, 401]),
        new("GET",  "/api/allocations",                                      null,         [200, 200, 200, 200, 200, 200, 401, 401, 401], Allocations(BothFamilies)),
        new("GET",  "/api/allocations?agreement={active}",                   null,         [200, 200, 200, 200, 200, 404, 401, 401, 401], Allocations(BothFamilies)),
        new("GET",  "/api/allocations?indicator=vat",                        null,         [200, 200, 404, 200, 200, 200, 401, 401, 401], Allocations("tax")),
        new("GET",  "/api/allocations?indicator=industrial-output",          null,         [200, 404, 200, 200, 200, 200, 401, 401, 401], Allocations("statistics")),
        new("GET",  "/api/reconciliation?month=2025-01",                     null,         [200, 403, 200, 403, 403, 403, 401, 401, 401], Reconciliation),
        new("GET",  $"/api/districts/{Tianhe}/statement?{Statement2025}",    null,         [200, 403, 403, 200, 403, 403, 401, 401, 401], Statement(Tianhe)),
        new("GET",  $"/api/districts/{Huangpu}/statement?{Statement2025}",   null,         [200, 403, 403, 403, 200, 403, 401, 401, 401], Statement(Huangpu)),
        new("GET",  "/api/settlement?year=2025",                             null,         [200, 403, 403, 200, 200, 200, 401, 401, 401], Settlement),
    ];

    public enum Body
    {
        /// <summary>A new agreement of Tianhe and Huangpu.</summary>
        New,

        /// <summary>The Draft's own document, as its edit.</summary>
        Draft,

        /// <summary><c>{"reason"}</c>.</summary>
        Reason,

        /// <summary><c>{"from", "reason"}</c>: a suspension or termination from 2026-01.</summary>
        Month,

        /// <summary>An amendment of the Active agreement's two terms from 2026-01.</summary>
        Amend,

        /// <summary><c>{"decision": "approve"}</c>.</summary>
        Review,

        /// <summary>A tax figure of the Active agreement's enterprise for 2025-02.</summary>
        Vat,

        /// <summary>A history figure (vat of 2024-12, restated) of the agreement whose cap derives from history.</summary>
        History,

        /// <summary>A statistical figure of the same.</summary>
        Output,

        /// <summary>A CSV import of one tax and one statistical figure for 2025-03.</summary>
        Csv,

        /// <summary>The apportionment factors of 2024 of the formula agreement's enterprise.</summary>
        Factors,

        /// <summary>The same factors as a CSV import.</summary>
        FactorsCsv,
    }

    public static TheoryData<int, Caller> Cells
    {
        get
        {
            var cells = new TheoryData<int, Caller>();
            for (var row = 0; row < Table.Length; row++)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    cells.Add(row, caller);
                }
            }

            return cells;
        }
    }

    [Fact]
    public void The_table_has_a_row_for_every_route_the_server_maps_and_a_status_for_every_caller()
    {
        Assert.All(Table, row => Assert.Equal(Enum.GetValues<Caller>().Length, row.Statuses.Length));

        // Read from the running server: a route added to the API without a row here fails this test.
        var mapped = shared.Ledger.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(m => $"{m} {Normal(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);
        var covered = Table.Select(row => $"{row.Method} {Template(row.Route)}").ToHashSet(StringComparer.Ordinal);
        Assert.Subset(covered, mapped);

        // The trigger routes take each trigger the lifecycle has.
        string[] triggers = ["submit", "countersign", "approve", "reject", "withdraw", "suspend", "resume", "terminate"];
        Assert.All(triggers, trigger => Assert.Contains(Table, row => row.Route.EndsWith("}/" + trigger, StringComparison.Ordinal)));
        string[] amendmentTriggers = ["countersign", "approve", "reject", "withdraw"];
        Assert.All(amendmentTriggers, trigger => Assert.Contains(Table, row => row.Route.EndsWith("/amendments/1/" + trigger, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_the_status_of_the_table(int rowIndex, Caller caller)
    {
        var row = Table[rowIndex];
        var expected = row.Statuses[(int)caller];
        var writes = row.Method != "GET";
        if (writes && expected < 300)
        {
            await using var own = await ProbeLedger.StartAsync();
            await MakeAsync(own, row, caller, expected, changes: true);
        }
        else
        {
            await MakeAsync(shared, row, caller, expected, changes: false);
        }
    }

    private static async Task MakeAsync(ProbeLedger probe, Row row, Caller caller, int expected, bool changes)
    {
        var before = await probe.SnapshotAsync();
        var token = await TokenAsync(probe, caller);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), probe.Route(row.Route)) { Content = Content(row.Body, probe) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await probe.Ledger.Server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(expected == (int)response.StatusCode, $"{row.Method} {row.Route} as {caller}: expected {expected}, got {(int)response.StatusCode}: {text}");
        if (expected >= 400)
        {
            var (problem, _) = await Responses.ProblemAsync(response, (HttpStatusCode)expected);
            Assert.Equal(expected, problem.Status);
        }
        else if (row.Check is not null)
        {
            using var document = JsonDocument.Parse(text);
            row.Check(caller, document.RootElement, probe);
        }

        var after = await probe.SnapshotAsync();
        if (changes)
        {
            Assert.NotEqual(before, after);
        }
        else
        {
            Assert.Equal(before, after);
        }
    }

    private static async Task<string?> TokenAsync(ProbeLedger probe, Caller caller) => caller switch
    {
        Caller.NoToken => null,
        Caller.UnknownToken => ProbeLedger.UnknownToken,
        Caller.RevokedToken => probe.RevokedToken,
        _ => await probe.Ledger.TokenAsync(Office(caller)),
    };

    private static string Office(Caller caller) => caller switch
    {
        Caller.Finance => Finance,
        Caller.Tax => Tax,
        Caller.Statistics => Statistics,
        Caller.Proposer => District(Tianhe),
        Caller.CoParty => District(Huangpu),
        Caller.Outsider => District(Liwan),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "no office"),
    };

    /// <summary>The families of indicators the caller may see (docs/users-and-rights.md, Need to know).</summary>
    private static string[] Families(Caller caller) => caller switch
    {
        Caller.Tax => ["tax"],
        Caller.Statistics => ["statistics"],
        _ => BothFamilies,
    };

    private static StringContent? Content(Body? body, ProbeLedger probe)
    {
        object? json = body switch
        {
            null => null,
            Body.New => ProbeLedger.NewAgreement(),
            Body.Draft => SmallLedger.DraftDocument(),
            Body.Reason => new JsonObject { ["reason"] = "权限测试" },
            Body.Month => new JsonObject { ["from"] = "2026-01", ["reason"] = "权限测试" },
            Body.Amend => ProbeLedger.Amendment("vat", "industrial-output"),
            Body.Review => new JsonObject { ["decision"] = "approve" },
            Body.Vat => new JsonObject { ["reports"] = new JsonArray(Report("rights-vat", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00")) },
            Body.History => new JsonObject
            {
                ["reports"] = new JsonArray(new JsonObject
                {
                    ["reportId"] = "rights-history",
                    ["enterprise"] = ProbeLedger.DerivedEnterprise,
                    ["indicator"] = "vat",
                    ["month"] = "2024-12",
                    ["amount"] = "101.00",
                    ["revision"] = 2,
                    ["history"] = true,
                    ["agreement"] = probe.Derived,
                }),
            },
            Body.Output => new JsonObject { ["reports"] = new JsonArray(Report("rights-io", SmallLedger.ActiveEnterprise, "industrial-output", "2025-02", "1.0")) },
            Body.Csv or Body.FactorsCsv => null,
            Body.Factors => new JsonObject
            {
                ["reportId"] = "rights-factors-2024",
                ["year"] = 2024,
                ["enterprise"] = ProbeLedger.FormulaEnterprise,
                ["revision"] = 1,
                ["factors"] = new JsonObject
                {
                    [Tianhe] = new JsonObject { ["operatingRevenue"] = "1.00", ["payroll"] = "2.00", ["assets"] = "3.00" },
                    [Huangpu] = new JsonObject { ["operatingRevenue"] = "4.00", ["payroll"] = "5.00", ["assets"] = "6.00" },
                },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(body)),
        };
        if (body == Body.Csv)
        {
            return new StringContent(
                "reportId,enterprise,indicator,month,amount,revision\r\n"
                + $"rights-csv-vat,{SmallLedger.ActiveEnterprise},vat,2025-03,5.00,1\r\n"
                + $"rights-csv-io,{SmallLedger.ActiveEnterprise},industrial-output,2025-03,1.0,1\r\n",
                Encoding.UTF8,
                "text/csv");
        }

        if (body == Body.FactorsCsv)
        {
            return new StringContent(
                "reportId,enterprise,year,revision,district,operatingRevenue,payroll,assets\r\n"
                + $"rights-csv-factors,{ProbeLedger.FormulaEnterprise},2024,1,{Tianhe},1.00,2.00,3.00\r\n"
                + $"rights-csv-factors,{ProbeLedger.FormulaEnterprise},2024,1,{Huangpu},4.00,5.00,6.00\r\n",
                Encoding.UTF8,
                "text/csv");
        }

        return json is JsonNode node ? new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") : null;
    }

    /// <summary>A mapped route pattern without its constraints (<c>{number:int}</c>) and trailing slash.</summary>
    private static string Normal(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, ":[a-z]+}", "}").TrimEnd('/');

    /// <summary>The route as <c>ApiRoutes</c> maps it: ids, numbers, months, codes and triggers by their parameter names, no query.</summary>
    private static string Template(string route)
    {
        var path = route.Split('?')[0];
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            segments[i] = segments[i] switch
            {
                var s when previous == "enterprises" => "{enterprise}",
                var s when s.StartsWith('{') => "{id}",
                var s when previous == "amendments" && s == "1" => "{number}",
                var s when previous == "months" => "{month}",
                var s when previous == "districts" => "{code}",
                _ => segments[i],
            };
        }

        path = string.Join('/', segments);
        return path.StartsWith("/api/agreements/{id}/", StringComparison.Ordinal) && LastIsTrigger(segments)
            ? string.Join('/', segments[..^1]) + "/{trigger}"
            : path;
    }

    private static bool LastIsTrigger(string[] segments) =>
        segments[^1] is "submit" or "countersign" or "approve" or "reject" or "withdraw" or "suspend" or "resume" or "terminate";

    // Need-to-know checks of a read's answer (each must fail on a leak, and on an empty answer where there is something to see).
    private static void WhoAmI(Caller caller, JsonElement answer, ProbeLedger probe) =>
        Assert.Equal(Office(caller), answer.GetProperty("principal").GetString());

    private static void AgreementList(Caller caller, JsonElement answer, ProbeLedger probe)
    {
        var seen = answer.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(caller == Caller.Outsider ? [] : [.. probe.Agreements.Order(StringComparer.Ordinal)], seen.ToArray());
    }

    private static void ActiveAgreement(Caller caller, JsonElement answer, ProbeLedger probe) =>
        Assert.Equal(probe.Small.Active, answer.GetProperty("id").GetString());

    /// <summary>Figure batches and reviews are need-to-know by family: each reporting office sees its own.</summary>
    private static void AuditTrail(Caller caller, JsonElement answer, ProbeLedger probe)
    {
        var bookedBy = answer.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "figures-booked")
            .Select(e => e.GetProperty("by").GetString()!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(Families(caller), bookedBy);
    }

    private static void Preview(Caller caller, JsonElement answer, ProbeLedger probe) =>
        Assert.Equal((probe.Amended, 1), (answer.GetProperty("agreement").GetString(), answer.GetProperty("amendment").GetInt32()));

    private static void Reviews(Caller caller, JsonElement answer, ProbeLedger probe)
    {
        var families = answer.GetProperty("families").EnumerateArray().Select(f => f.GetProperty("family").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(Families(caller), families);
    }

    /// <summary>
    /// Entries of exactly the families the caller may see among <paramref name="asked"/> (the Active
    /// agreement has a figure of each), only of agreements the caller may see; none for the outsider.
    /// </summary>
    private static Action<Caller, JsonElement, ProbeLedger> Allocations(params string[] asked) => (caller, answer, probe) =>
    {
        var entries = answer.GetProperty("entries").EnumerateArray().Select(Entry.From).ToArray();
        var families = entries.Select(e => IsTax(e.Indicator) ? "tax" : "statistics").Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(caller == Caller.Outsider ? [] : [.. Families(caller).Intersect(asked)], families);
        Assert.All(entries, e => Assert.Contains(e.Agreement, probe.Agreements));
    };

    private static void Reconciliation(Caller caller, JsonElement answer, ProbeLedger probe)
    {
        var families = answer.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("family").GetString()!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Families(caller), families);
    }

    private static Action<Caller, JsonElement, ProbeLedger> Statement(string district) => (_, answer, _) =>
        Assert.Equal(district, answer.GetProperty("district").GetString());

    /// <summary>Finance sees the city's settlement; a district only the rows involving itself.</summary>
    private static void Settlement(Caller caller, JsonElement answer, ProbeLedger probe)
    {
        var rows = SettlementRows.SelectMany(part => answer.GetProperty(part).EnumerateArray()).ToArray();
        var positions = answer.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("district").GetString()!).ToArray();
        if (caller == Caller.Finance)
        {
            Assert.NotEmpty(rows);
            return;
        }

        var district = caller switch { Caller.Proposer => Tianhe, Caller.CoParty => Huangpu, _ => Liwan };
        Assert.All(rows, r => Assert.Contains(district, new[] { r.GetProperty("from").GetString(), r.GetProperty("to").GetString() }));
        Assert.All(positions, p => Assert.Equal(district, p));
        Assert.Equal(caller != Caller.Outsider, rows.Length > 0);
    }

    /// <param name="Statuses">The status per <see cref="Caller"/>, in its order.</param>
    /// <param name="Check">Need-to-know checks of a 200 answer.</param>
    private sealed record Row(string Method, string Route, Body? Body, int[] Statuses, Action<Caller, JsonElement, ProbeLedger>? Check = null);
}
