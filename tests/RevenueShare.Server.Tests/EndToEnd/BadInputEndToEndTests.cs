using System.Net;
using System.Text.Json.Nodes;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// Bad input gets a clear 4xx <c>application/problem+json</c> — type, title, status, detail, and the
/// offending field's path where a field is at fault (docs/interfaces.md, Errors) — and changes nothing:
/// the agreement list, the allocations and every audit trail are as they were.
/// </summary>
public sealed class BadInputEndToEndTests
{
    private const string Origin = "district:440106";

    /// <param name="Path">The field error's path, when a field is at fault.</param>
    /// <param name="Message">Text the field error's message (or the detail, without a path) must contain.</param>
    /// <param name="ReportType">For a refused figure batch: the refused report's problem type.</param>
    private sealed record Case(string Caller, string Method, string Route, string Body, int Status, string? Path, string? Message, string? ReportType = null);

    private static readonly (string Code, char Expected) BadCode = WrongCheck(CreditCode(Huangpu, 50));

    private static Case Make(string name) => name switch
    {
        "malformed agreement JSON" => new(Origin, "POST", "/api/agreements", """{ "title": "半截", "parties": [ """, 400, null, null),
        "malformed figure JSON" => new(Tax, "POST", "/api/figures", """{ "reports": [ { "reportId": "x", """, 400, null, null),
        "revision as a string" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00"), r => r["revision"] = "1"), 400, "$.reports[0].revision", null),
        "amount as a number" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00"), r => r["amount"] = 1.5m), 400, "$.reports[0].amount", null),
        "credit code with a wrong check character" => new(Origin, "POST", "/api/agreements", TwoParty(BadCode.Code, ["pit"]).ToJsonString(), 400, "$.enterprises[0].id", BadCode.Expected.ToString()),
        "ratios not summing to 100" => new(Origin, "POST", "/api/agreements", TwoParty(CreditCode(Huangpu, 51), ["pit"], "50", "40").ToJsonString(), 400, "$.terms[0].schedule[0].ratios", "100"),
        "unknown district" => new(Origin, "POST", "/api/agreements", Agreement("未知区", [Tianhe, "440199"], [Enterprise(CreditCode(Huangpu, 52), Tianhe)], [Term(["pit"], [(Tianhe, "50"), ("440199", "50")])]).ToJsonString(), 400, "$.parties[1].district", "440199"),
        "unknown indicator in terms" => new(Origin, "POST", "/api/agreements", TwoParty(CreditCode(Huangpu, 53), ["gdp"]).ToJsonString(), 400, "$.terms[0].indicators[0]", "gdp"),
        "effective longer than 60 months" => new(Origin, "POST", "/api/agreements", Agreement("太长", [Tianhe, Huangpu], [Enterprise(CreditCode(Huangpu, 54), Huangpu)], [Term(["pit"], [(Tianhe, "50"), (Huangpu, "50")])], "2025-01", "2030-12").ToJsonString(), 400, "$.effective.to", "60"),
        "edit of a draft with bad ratios" => new(Origin, "PUT", "/api/agreements/{draft}", TwoParty(SmallLedger.DraftEnterprise, ["vat"], "70", "70", title: "改坏").ToJsonString(), 400, "$.terms[0].schedule[0].ratios", "100"),
        "vat amount with three decimals" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.001")), 400, "$.reports[0].amount", "2"),
        "industrial output with two decimals" => new(Statistics, "POST", "/api/figures", Figures(Report("s-1", SmallLedger.ActiveEnterprise, "industrial-output", "2025-02", "1.23")), 400, "$.reports[0].amount", "1"),
        "unknown indicator in a figure" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.ActiveEnterprise, "gdp", "2025-02", "1.00")), 400, "$.reports[0].indicator", "gdp"),
        "month out of range" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.ActiveEnterprise, "vat", "2026-13", "1.00")), 400, "$.reports[0].month", "2026-13"),
        "figure with a bad credit code" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", BadCode.Code, "vat", "2025-02", "1.00")), 400, "$.reports[0].enterprise", BadCode.Expected.ToString()),
        "figure for a draft agreement" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.DraftEnterprise, "vat", "2025-02", "1.00")), 409, null, null, "not-covered"),
        "reused reportId with other content" => new(Tax, "POST", "/api/figures", Figures(Report("vat-2025-01", SmallLedger.ActiveEnterprise, "vat", "2025-01", "999.00")), 409, null, null, "report-id-reused"),
        "month not ended" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.ActiveEnterprise, "vat", "2026-11", "1.00")), 409, null, null, "month-not-open"),
        "month before the agreement" => new(Tax, "POST", "/api/figures", Figures(Report("t-1", SmallLedger.ActiveEnterprise, "vat", "2024-12", "1.00")), 409, null, null),
        "empty batch" => new(Tax, "POST", "/api/figures", """{ "reports": [] }""", 400, "$.reports", null),
        "suspend with a bad month" => new(Finance, "POST", "/api/agreements/{active}/suspend", """{ "from": "2026-13", "reason": "x" }""", 400, "$.from", null),
        "suspend without a reason" => new(Finance, "POST", "/api/agreements/{active}/suspend", """{ "from": "2026-01" }""", 400, null, "reason"),
        "terminate without a month" => new(Finance, "POST", "/api/agreements/{active}/terminate", """{ "reason": "x" }""", 400, null, "from"),
        "unknown allocation filter" => new(Finance, "GET", "/api/allocations?indicator=gdp", "", 400, "indicator", "gdp"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData("malformed agreement JSON")]
    [InlineData("malformed figure JSON")]
    [InlineData("revision as a string")]
    [InlineData("amount as a number")]
    [InlineData("credit code with a wrong check character")]
    [InlineData("ratios not summing to 100")]
    [InlineData("unknown district")]
    [InlineData("unknown indicator in terms")]
    [InlineData("effective longer than 60 months")]
    [InlineData("edit of a draft with bad ratios")]
    [InlineData("vat amount with three decimals")]
    [InlineData("industrial output with two decimals")]
    [InlineData("unknown indicator in a figure")]
    [InlineData("month out of range")]
    [InlineData("figure with a bad credit code")]
    [InlineData("figure for a draft agreement")]
    [InlineData("reused reportId with other content")]
    [InlineData("month not ended")]
    [InlineData("month before the agreement")]
    [InlineData("empty batch")]
    [InlineData("suspend with a bad month")]
    [InlineData("suspend without a reason")]
    [InlineData("terminate without a month")]
    [InlineData("unknown allocation filter")]
    public async Task Bad_input_is_refused_with_a_clear_problem_and_changes_nothing(string name)
    {
        var @case = Make(name);
        var small = await SmallLedger.StartAsync();
        await using var ledger = small.Ledger;
        var before = await small.SnapshotAsync();

        var response = await ledger.SendAsync(new HttpMethod(@case.Method), small.Route(@case.Route), @case.Caller, @case.Method == "GET" ? null : @case.Body);

        var (problem, body) = await Responses.ProblemAsync(response, (HttpStatusCode)@case.Status);
        if (@case.Path is not null)
        {
            var error = problem.Errors.FirstOrDefault(e => e.Path == @case.Path);
            Assert.True(error != default, $"no error at {@case.Path}: {body}");
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            if (@case.Message is not null)
            {
                Assert.Contains(@case.Message, error.Message, StringComparison.Ordinal);
            }
        }
        else if (@case.Message is not null)
        {
            Assert.Contains(@case.Message, problem.Detail, StringComparison.Ordinal);
        }

        if (@case.ReportType is not null)
        {
            var result = Assert.Single(body.GetProperty("results").EnumerateArray());
            Assert.Equal("rejected", result.GetProperty("status").GetString());
            Assert.Equal("urn:revenueshare:problem:" + @case.ReportType, result.GetProperty("error").GetProperty("type").GetString());
        }

        Assert.Equal(before, await small.SnapshotAsync());
    }

    [Fact]
    public async Task One_bad_report_does_not_sink_the_others()
    {
        var small = await SmallLedger.StartAsync();
        await using var ledger = small.Ledger;
        var before = await ledger.AllocationsAsync();

        var response = await ledger.PostFiguresAsync(
            Tax,
            Report("good-02", SmallLedger.ActiveEnterprise, "vat", "2025-02", "10.00"),
            Report("bad-03", SmallLedger.ActiveEnterprise, "vat", "2025-03", "1.001"),
            Report("late-11", SmallLedger.ActiveEnterprise, "vat", "2026-11", "1.00"),
            Report("vat-2025-01", SmallLedger.ActiveEnterprise, "vat", "2025-01", "100.00"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var results = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["booked", "rejected", "rejected", "duplicate"], results.Select(r => r.GetProperty("status").GetString()!));
        Assert.Equal(["good-02", "bad-03", "late-11", "vat-2025-01"], results.Select(r => r.GetProperty("reportId").GetString()!));
        Assert.Equal(small.Active, results[0].GetProperty("agreement").GetString());
        Assert.Equal(400, results[1].GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal("$.reports[1].amount", results[1].GetProperty("error").GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal(409, results[2].GetProperty("error").GetProperty("status").GetInt32());

        var after = await ledger.AllocationsAsync();
        var added = after.Where(a => before.All(b => b.Raw.GetRawText() != a.Raw.GetRawText())).ToArray();
        Assert.All(added, a => Assert.Equal(("good-02", "2025-02"), (a.ReportId, a.Month)));
        Assert.Equal(10.00m, added.Sum(a => a.Amount));
    }

    private static string Figures(JsonObject report, Action<JsonObject>? spoil = null)
    {
        spoil?.Invoke(report);
        return new JsonObject { ["reports"] = new JsonArray(report) }.ToJsonString();
    }
}
