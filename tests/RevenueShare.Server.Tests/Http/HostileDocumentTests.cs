using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RevenueShare.Server.Demo;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// Documents the contract (contracts/schemas) forbids, sent to the real server over HTTP: each is refused
/// with a 400 problem+json naming the offending member's path, and nothing changes — the agreement list,
/// the allocations and every audit trail read the same before and after. (A batch whose every report is
/// refused answers 400 with each report's problem; these batches hold one report.)
/// </summary>
public sealed class HostileDocumentTests(HostileDocumentTests.Ledger fixture) : IClassFixture<HostileDocumentTests.Ledger>
{
    private const string Origin = "district:440106";

    /// <param name="Name">The row's name, which the theory is run by.</param>
    /// <param name="Caller">The office sending.</param>
    /// <param name="Route">The POST route; <c>{active}</c> is the Active agreement of the small ledger.</param>
    /// <param name="Body">The JSON text sent, as it is.</param>
    /// <param name="Status">The problem's status.</param>
    /// <param name="Path">The <c>errors[].path</c> the problem names.</param>
    /// <param name="Message">Text the error's message must contain: why, in words.</param>
    private sealed record Case(string Name, string Caller, string Route, string Body, int Status, string Path, string Message);

    private static readonly IReadOnlyList<Case> Cases =
    [
        // The amount grammar: one spelling per amount.
        ReportAmount("amount with a plus sign", "+1.00", "has a '+' sign"),
        ReportAmount("amount without a digit before the point", ".50", "no digit before the decimal point"),
        ReportAmount("amount without a digit after the point", "1.", "no digit after the decimal point"),
        ReportAmount("amount with leading zeros", "0001.00", "has a leading zero"),
        ReportAmount("amount of negative zero", "-0.00", "is a negative zero"),
        AgreementRatio("ratio of negative zero", "-0", "is a negative zero"),
        AgreementRatio("ratio with a plus sign", "+0", "has a '+' sign"),
        AgreementRatio("ratio with a leading zero", "00", "has a leading zero"),
        new("baseline with a plus sign", Origin, "/api/agreements", Create(TwoParty(CreditCode(Huangpu, 71), ["vat"], baselines: new JsonObject { ["vat"] = "+100.00" })), 400, "$.enterprises[0].baselines.vat", "has a '+' sign"),
        new("cap without a digit before the point", Origin, "/api/agreements", Create(TwoParty(CreditCode(Huangpu, 72), ["vat"], cap: Cap(".5", "vat"))), 400, "$.enterprises[0].cap.amount", "no digit before the decimal point"),

        // Members the contract does not have, and members given twice: refused with their path, never ignored or overwritten.
        new("unknown member in a report", Tax, "/api/figures", Batch(Report("colour-1", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00"), """ "colour": "red", """), 400, "$.reports[0].colour", "not part of the document"),
        new("member in another case in a report", Tax, "/api/figures", Batch(Report("case-1", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00")).Replace("\"reportId\"", "\"ReportId\"", StringComparison.Ordinal), 400, "$.reports[0].ReportId", "not part of the document"),
        new("unknown member at the top of a batch", Tax, "/api/figures", Batch(Report("top-1", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00")).Replace("{\"reports\"", "{\"office\":\"tax\",\"reports\"", StringComparison.Ordinal), 400, "$.office", "not part of the document"),
        new("unknown member in an agreement", Origin, "/api/agreements", Create(TwoParty(CreditCode(Huangpu, 73), ["vat"])).Replace("{\"title\"", "{\"comment\":\"x\",\"title\"", StringComparison.Ordinal), 400, "$.comment", "not part of the document"),
        new("unknown member in an enterprise", Origin, "/api/agreements", Create(TwoParty(CreditCode(Huangpu, 74), ["vat"])).Replace("\"registeredDistrict\"", "\"taxOffice\":\"x\",\"registeredDistrict\"", StringComparison.Ordinal), 400, "$.enterprises[0].taxOffice", "not part of the document"),
        new("unknown member in a trigger", Finance, "/api/agreements/{active}/suspend", """{ "from": "2026-01", "reason": "停产", "note": "x" }""", 400, "$.note", "not part of the document"),
        new("unknown member in a review", Tax, "/api/agreements/{active}/months/2025-01/reviews", """{ "decision": "dispute", "reason": "有误", "urgent": true }""", 400, "$.urgent", "not part of the document"),
        new("unknown member in an amendment", Origin, "/api/agreements/{active}/amendments", """{ "from": "2026-01", "terms": [], "why": "x" }""", 400, "$.why", "not part of the document"),
        new("amount given twice in a report", Tax, "/api/figures", Batch(Report("twice-1", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00"), """ "amount": "2.00", """), 400, "$.reports[0].amount", "given more than once"),
        new("title given twice in an agreement", Origin, "/api/agreements", Create(TwoParty(CreditCode(Huangpu, 75), ["vat"])).Replace("{\"title\"", "{\"title\":\"别的\",\"title\"", StringComparison.Ordinal), 400, "$.title", "given more than once"),
        new("ratio given twice for a district", Origin, "/api/agreements", Create(TwoParty(CreditCode(Huangpu, 76), ["vat"])).Replace("{\"440106\":\"50\"", "{\"440106\":\"0\",\"440106\":\"50\"", StringComparison.Ordinal), 400, "$.terms[0].schedule[0].ratios.440106", "given more than once"),
        new("reason given twice in a trigger", Finance, "/api/agreements/{active}/suspend", """{ "from": "2026-01", "reason": "停产", "reason": "复产" }""", 400, "$.reason", "given more than once"),

        // Control, bidirectional and zero-width characters, and surrounding spaces, in stored text.
        ReportId("reportId with NUL", "vat\u0000-02", "U+0000 at position 4"),
        ReportId("reportId with LF", "vat\n-02", "U+000A at position 4"),
        ReportId("reportId with CR", "vat\r-02", "U+000D at position 4"),
        ReportId("reportId with BEL", "vat\u0007-02", "U+0007 at position 4"),
        ReportId("reportId with a right-to-left override", "vat-\u202E20", "U+202E at position 5"),
        ReportId("reportId with a left-to-right isolate", "\u2066vat-02", "U+2066 at position 1"),
        ReportId("reportId with a zero-width space", "vat\u200B-02", "U+200B at position 4"),
        ReportId("reportId with a zero-width joiner", "vat\u200D-02", "U+200D at position 4"),
        ReportId("reportId with a byte-order mark", "\uFEFFvat-02", "U+FEFF at position 1"),
        ReportId("reportId with a word joiner", "vat\u2060-02", "U+2060 at position 4"),
        ReportId("reportId with a leading space", " vat-02", "starts with white space (U+0020 at position 1)"),
        ReportId("reportId with a trailing space", "vat-02 ", "ends with white space (U+0020 at position 7)"),
        ReportId("reportId of 101 characters", new string('r', 101), "101 characters; at most 100"),
        AgreementText("title with NUL", "title", "天河\u0000黄埔", "U+0000 at position 3"),
        AgreementText("title with LF", "title", "天河\n黄埔", "U+000A at position 3"),
        AgreementText("title with a right-to-left override", "title", "天河\u202E黄埔", "U+202E at position 3"),
        AgreementText("title with a zero-width space", "title", "天河\u200B黄埔", "U+200B at position 3"),
        AgreementText("title with surrounding spaces", "title", " 天河 + 黄埔 ", "starts with white space (U+0020 at position 1)"),
        AgreementText("title of 201 characters", "title", new string('题', 201), "201 characters; at most 200"),
        AgreementText("enterprise name with BEL", "name", "测试\u0007企业", "U+0007 at position 3"),
        AgreementText("enterprise name with a pop directional isolate", "name", "测试企业\u2069", "U+2069 at position 5"),
        AgreementText("enterprise name with a trailing ideographic space", "name", "测试企业\u3000", "ends with white space (U+3000 at position 5)"),
        new("review reason of 100,000 characters", Tax, "/api/agreements/{active}/months/2025-01/reviews", Json(new JsonObject { ["decision"] = "dispute", ["reason"] = new string('因', 100_000) }), 400, "$.reason", "100000 characters; at most 500"),
        new("review reason with LF", Tax, "/api/agreements/{active}/months/2025-01/reviews", Json(new JsonObject { ["decision"] = "dispute", ["reason"] = "数据有误\n请更正" }), 400, "$.reason", "U+000A at position 5"),
        new("trigger reason with a right-to-left override", Finance, "/api/agreements/{active}/suspend", Json(new JsonObject { ["from"] = "2026-01", ["reason"] = "停产\u202E整顿" }), 400, "$.reason", "U+202E at position 3"),
        new("trigger reason of 501 characters", Finance, "/api/agreements/{active}/suspend", Json(new JsonObject { ["from"] = "2026-01", ["reason"] = new string('因', 501) }), 400, "$.reason", "501 characters; at most 500"),

        // Revisions are bounded, so a figure never reaches a revision that cannot be restated.
        Revision("restatement to revision 2147483647", "2147483647", "The revision is 2147483647; revisions run from 1 to at most 1000000"),
        Revision("restatement to revision 1000001", "1000001", "revisions run from 1 to at most 1000000"),
        Revision("revision beyond a 32-bit integer", "2147483648", "expected JSON type"),
    ];

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_document_the_contract_forbids_is_refused_at_its_path_and_changes_nothing(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        var small = fixture.Small;
        var before = await small.SnapshotAsync();

        var response = await small.Ledger.SendAsync(HttpMethod.Post, small.Route(@case.Route), @case.Caller, @case.Body);

        var body = await response.Content.ReadAsStringAsync();
        var problem = await Problem.ReadAsync(response, (HttpStatusCode)@case.Status);
        var error = problem.Errors.FirstOrDefault(e => e.Path == @case.Path);
        Assert.True(error != default, $"{@case.Name}: no error at {@case.Path}: {body}");
        Assert.Contains(@case.Message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await small.SnapshotAsync());
    }

    [Fact]
    public async Task The_examples_of_contracts_still_load_under_the_strict_reading()
    {
        await using var ledger = await LedgerUnderTest.StartAsync();

        // The demo loader reads every example agreement and the two yearly batches with the API's own options.
        var (agreements, reports) = await ledger.Server.App.Services.GetRequiredService<DemoLoader>().LoadAsync(TestReference.ContractsDirectory, CancellationToken.None);
        var restated = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/figures", Tax, File.ReadAllText(Path.Combine(TestReference.ContractsDirectory, "examples", "figures", "restatements-2025.json")));

        Assert.Equal((8, 288), (agreements, reports));
        Assert.Equal(["booked", "booked", "booked"], restated.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
    }

    private static Case ReportAmount(string name, string amount, string why) =>
        new(name, Tax, "/api/figures", Batch(Report("amount-" + name.Length, SmallLedger.ActiveEnterprise, "vat", "2025-02", amount)), 400, "$.reports[0].amount", why);

    private static Case ReportId(string name, string reportId, string why) =>
        new(name, Tax, "/api/figures", Batch(Report(reportId, SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00")), 400, "$.reports[0].reportId", why);

    private static Case AgreementRatio(string name, string percent, string why) =>
        new(name, Origin, "/api/agreements", Create(TwoParty(CreditCode(Huangpu, 70), ["pit"], percent, "100")), 400, $"$.terms[0].schedule[0].ratios.{Tianhe}", why);

    private static Case AgreementText(string name, string member, string text, string why)
    {
        var document = TwoParty(CreditCode(Huangpu, 77), ["pit"]);
        var (target, path) = member == "title" ? (document, "$.title") : (document["enterprises"]![0]!.AsObject(), "$.enterprises[0].name");
        target[member] = text;
        return new(name, Origin, "/api/agreements", Create(document), 400, path, why);
    }

    /// <summary>A restatement of the booked vat figure of 2025-01 to <paramref name="revision"/>, written into the JSON as it is.</summary>
    private static Case Revision(string name, string revision, string why) =>
        new(name, Tax, "/api/figures", Batch(Report("vat-2025-01-r", SmallLedger.ActiveEnterprise, "vat", "2025-01", "120.00", revision: 7)).Replace("\"revision\":7", "\"revision\":" + revision, StringComparison.Ordinal), 400, "$.reports[0].revision", why);

    /// <summary>A batch of one report; <paramref name="extra"/> (members as JSON text) is written first into the report.</summary>
    private static string Batch(JsonObject report, string? extra = null)
    {
        var text = Json(new JsonObject { ["reports"] = new JsonArray(report) });
        return extra is null ? text : text.Replace("[{", "[{" + extra.Trim(), StringComparison.Ordinal);
    }

    private static string Create(JsonObject agreement) => Json(agreement);

    private static string Json(JsonNode node) => node.ToJsonString();

    /// <summary>The small ledger every row is sent to; a refused row leaves it as it was, so the rows share it.</summary>
    public sealed class Ledger : IAsyncLifetime
    {
        private SmallLedger? small;

        internal SmallLedger Small => small ?? throw new InvalidOperationException("The ledger has not started.");

        public async Task InitializeAsync() => small = await SmallLedger.StartAsync();

        public async Task DisposeAsync()
        {
            if (small is not null)
            {
                await small.Ledger.DisposeAsync();
            }
        }
    }
}
