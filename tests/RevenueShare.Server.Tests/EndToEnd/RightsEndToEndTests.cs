using System.Net;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// Every right docs/users-and-rights.md withholds, as a table: no or bad credentials 401, what the
/// caller may not see 404, what it may see but not do 403 — and a refused request changes nothing.
/// </summary>
public sealed class RightsEndToEndTests
{
    private const string None = "(none)";
    private const string Unknown = "(unknown token)";
    private const string Revoked = "(revoked token)";
    private const string Outsider = "district:440103";
    private const string Origin = "district:440106";
    private const string Host = "district:440112";

    [Theory]
    // No or bad credentials.
    [InlineData(None, "GET", "/api/agreements", null, 401)]
    [InlineData(None, "POST", "/api/figures", "vat", 401)]
    [InlineData(Unknown, "GET", "/api/agreements/{active}", null, 401)]
    [InlineData(Revoked, "GET", "/api/allocations", null, 401)]
    [InlineData(Revoked, "POST", "/api/agreements/{pending}/approve", "reason", 401)]
    // A district that is not a party sees nothing of the agreement.
    [InlineData(Outsider, "GET", "/api/agreements/{active}", null, 404)]
    [InlineData(Outsider, "PUT", "/api/agreements/{draft}", "draft", 404)]
    [InlineData(Outsider, "POST", "/api/agreements/{draft}/submit", null, 404)]
    [InlineData(Outsider, "POST", "/api/agreements/{active}/suspend", "suspend", 404)]
    [InlineData(Outsider, "POST", "/api/agreements/{pending}/countersign", null, 404)]
    [InlineData(Outsider, "GET", "/api/agreements/{active}/events", null, 404)]
    [InlineData(Outsider, "GET", "/api/agreements/{active}/lifecycle?format=mermaid", null, 404)]
    [InlineData(Outsider, "GET", "/api/allocations?agreement={active}", null, 404)]
    [InlineData(Outsider, "POST", "/api/agreements/{active}/amendments", "amendment", 404)]
    // A party, but not its action.
    [InlineData(Origin, "POST", "/api/agreements/{pending}/approve", "reason", 403)]
    [InlineData(Host, "POST", "/api/agreements/{pending}/reject", "reason", 403)]
    [InlineData(Host, "POST", "/api/agreements/{active}/suspend", "suspend", 403)]
    [InlineData(Host, "POST", "/api/agreements/{draft}/submit", null, 403)]
    [InlineData(Host, "PUT", "/api/agreements/{draft}", "draft", 403)]
    [InlineData(Host, "POST", "/api/agreements/{draft}/withdraw", "reason", 403)]
    [InlineData(Origin, "POST", "/api/agreements/{pending}/countersign", null, 403)]
    [InlineData("tax", "POST", "/api/agreements/{draft}/countersign", null, 403)]
    [InlineData("tax", "POST", "/api/agreements/{pending}/approve", "reason", 403)]
    [InlineData("statistics", "POST", "/api/agreements/{active}/terminate", "suspend", 403)]
    [InlineData("finance", "POST", "/api/agreements", "new", 403)]
    [InlineData(Outsider, "POST", "/api/agreements", "new", 403)]
    [InlineData("finance", "PUT", "/api/agreements/{draft}", "draft", 403)]
    // Need to know by family.
    [InlineData("statistics", "GET", "/api/allocations?indicator=vat", null, 404)]
    [InlineData("tax", "GET", "/api/allocations?indicator=industrial-output", null, 404)]
    // Figures come from their own office only.
    [InlineData("statistics", "POST", "/api/figures", "vat", 403)]
    [InlineData("tax", "POST", "/api/figures", "io", 403)]
    [InlineData(Origin, "POST", "/api/figures", "vat", 403)]
    [InlineData("finance", "POST", "/api/figures", "io", 403)]
    public async Task A_withheld_right_is_refused_and_changes_nothing(string caller, string method, string route, string? body, int status)
    {
        var small = await SmallLedger.StartAsync();
        await using var ledger = small.Ledger;
        var before = await small.SnapshotAsync();
        var token = await TokenOfAsync(ledger, caller);

        var response = await ledger.SendWithTokenAsync(new HttpMethod(method), small.Route(route), token, Body(body));

        await Responses.ProblemAsync(response, (HttpStatusCode)status);
        Assert.Equal(before, await small.SnapshotAsync());
    }

    [Theory]
    [InlineData("finance", "tax,statistics", true)]
    [InlineData("tax", "tax", true)]
    [InlineData("statistics", "statistics", true)]
    [InlineData(Origin, "tax,statistics", true)]
    [InlineData(Host, "tax,statistics", true)]
    [InlineData(Outsider, "", false)]
    public async Task Each_office_sees_exactly_the_allocations_it_may_see(string caller, string families, bool seesAgreement)
    {
        var small = await SmallLedger.StartAsync();
        await using var ledger = small.Ledger;

        var entries = await ledger.AllocationsAsync(caller);
        var list = await ledger.GetAsync("/api/agreements", caller);

        var seen = entries.Select(e => IsTax(e.Indicator) ? "tax" : "statistics").Distinct().Order();
        Assert.Equal(families.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), seen);
        Assert.Equal(seesAgreement, list.GetProperty("agreements").EnumerateArray().Any(a => a.GetProperty("id").GetString() == small.Active));
        if (caller == Outsider)
        {
            Assert.Empty(entries);
            Assert.Equal(0, list.GetProperty("agreements").GetArrayLength());
        }

        // Each reporting office sees its own figure batches in the trail, never the other's.
        if (caller is "tax" or "statistics")
        {
            var trail = await ledger.GetAsync($"/api/agreements/{small.Active}/events", caller);
            var booked = trail.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "figures-booked").ToArray();
            Assert.Equal(caller, Assert.Single(booked).GetProperty("by").GetString());
        }
    }

    [Fact]
    public async Task A_party_and_finance_may_read_everything_of_the_agreement()
    {
        var small = await SmallLedger.StartAsync();
        await using var ledger = small.Ledger;
        foreach (var caller in new[] { Origin, Host, Finance })
        {
            foreach (var route in new[] { "/api/agreements/{active}", "/api/agreements/{active}/events", "/api/agreements/{active}/lifecycle?format=dot", "/api/allocations?agreement={active}" })
            {
                await ledger.GetTextAsync(small.Route(route), caller);
            }
        }
    }

    private static async Task<string?> TokenOfAsync(LedgerUnderTest ledger, string caller)
    {
        switch (caller)
        {
            case None:
                return null;
            case Unknown:
                return "rs_" + new string('A', 43);
            case Revoked:
                var issued = await ledger.Server.Tokens.CreateAsync(Domain.Principal.Finance, Now);
                Assert.True(await ledger.Server.Tokens.RevokeAsync(issued.Id, Now));
                return issued.Secret;
            default:
                return await ledger.TokenAsync(caller);
        }
    }

    private static object? Body(string? kind) => kind switch
    {
        null => null,
        "reason" => new { reason = "测试" },
        "suspend" => new { from = "2026-01", reason = "测试" },
        "draft" => SmallLedger.DraftDocument(),
        "new" => TwoParty(CreditCode(Huangpu, 49), ["pit"]),
        "amendment" => new
        {
            from = "2026-01",
            terms = new[] { new { indicators = new[] { "vat" }, mode = "split", schedule = new[] { new { from = "2026-01", ratios = new Dictionary<string, string> { [Tianhe] = "10", [Huangpu] = "90" } } } } },
        },
        "vat" => new { reports = new[] { Report("new-vat", SmallLedger.ActiveEnterprise, "vat", "2025-02", "1.00") } },
        "io" => new { reports = new[] { Report("new-io", SmallLedger.ActiveEnterprise, "industrial-output", "2025-02", "1.0") } },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
