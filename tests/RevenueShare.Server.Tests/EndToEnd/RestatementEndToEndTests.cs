using System.Net;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// The worked examples of docs/allocation.md through HTTP: a cap and an annual baseline carry from month
/// to month, and a restatement books adjustment entries (new minus old) for every month it changed,
/// leaving the entries booked earlier as they were (docs/corrections.md).
/// </summary>
public sealed class RestatementEndToEndTests
{
    [Fact]
    public async Task Restating_january_under_a_cap_adjusts_january_and_february_and_leaves_march()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 20);
        var id = await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"], "60", "40", cap: Cap("500.00", "vat")));
        await ledger.BookAsync(
            Tax,
            Report("cap-01", enterprise, "vat", "2025-01", "600.00"),
            Report("cap-02", enterprise, "vat", "2025-02", "400.00"),
            Report("cap-03", enterprise, "vat", "2025-03", "100.00"));

        var booked = await ledger.AllocationsAsync();
        AssertMonth(booked, enterprise, "2025-01", 360.00m, 240.00m);
        AssertMonth(booked, enterprise, "2025-02", 140.00m, 260.00m);
        AssertMonth(booked, enterprise, "2025-03", 0.00m, 100.00m);
        var february = Assert.Single(booked, e => e.Month == "2025-02" && e.District == Tianhe).Raw;
        Assert.Equal("140.00", february.GetProperty("capRemainingBefore").GetString());
        Assert.Equal("0.00", february.GetProperty("capRemainingAfter").GetString());

        var restated = await ledger.BookAsync(Tax, Report("cap-01-r2", enterprise, "vat", "2025-01", "500.00", revision: 2));
        Assert.Equal(id, restated[0].GetProperty("agreement").GetString());

        var after = await ledger.AllocationsAsync();
        AssertMonth(after, enterprise, "2025-01", 300.00m, 200.00m);
        AssertMonth(after, enterprise, "2025-02", 200.00m, 200.00m);
        AssertMonth(after, enterprise, "2025-03", 0.00m, 100.00m);
        var adjustments = after.Where(e => e.Kind == "adjustment").ToArray();
        Assert.Equal(
            [("2025-01", Tianhe, -60.00m), ("2025-01", Huangpu, -40.00m), ("2025-02", Tianhe, 60.00m), ("2025-02", Huangpu, -60.00m)],
            adjustments.Where(a => a.Amount != 0).Select(a => (a.Month, a.District, a.Amount)).Order());
        Assert.DoesNotContain(adjustments, a => a.Month == "2025-03");
        Assert.All(adjustments, a => Assert.Contains("cap-01-r2", a.Reason, StringComparison.Ordinal));
        Assert.All(adjustments, a => Assert.Equal(Tax, a.BookedBy));

        // History is not edited: the first bookings are all still there.
        Assert.All(booked, b => Assert.Contains(after, a => a.Raw.GetRawText() == b.Raw.GetRawText()));
    }

    [Fact]
    public async Task An_annual_baseline_shares_only_the_increment_and_a_refund_falls_back_below_it()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 21);
        await ledger.CreateActiveAsync(TwoParty(enterprise, ["cit"], baselines: new() { ["cit"] = "1000.00" }));
        await ledger.BookAsync(
            Tax,
            Report("base-01", enterprise, "cit", "2025-01", "600.00"),
            Report("base-02", enterprise, "cit", "2025-02", "600.00"),
            Report("base-03", enterprise, "cit", "2025-03", "-100.00"));

        var entries = await ledger.AllocationsAsync();
        AssertMonth(entries, enterprise, "2025-01", 0.00m, 600.00m);
        AssertMonth(entries, enterprise, "2025-02", 100.00m, 500.00m);
        AssertMonth(entries, enterprise, "2025-03", -50.00m, -50.00m);
        var february = Assert.Single(entries, e => e.Month == "2025-02" && e.District == Tianhe).Raw;
        Assert.Equal("400.00", february.GetProperty("basePart").GetString());
        Assert.Equal("200.00", february.GetProperty("sharedPart").GetString());

        // A new year starts from nothing again: January 2026 is below the base.
        await ledger.BookAsync(Tax, Report("base-2026-01", enterprise, "cit", "2026-01", "700.00"));
        AssertMonth(await ledger.AllocationsAsync(), enterprise, "2026-01", 0.00m, 700.00m);
    }

    [Fact]
    public async Task Restating_a_month_under_a_baseline_adjusts_the_later_months_of_the_year()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 22);
        await ledger.CreateActiveAsync(TwoParty(enterprise, ["cit"], baselines: new() { ["cit"] = "1000.00" }));
        await ledger.BookAsync(
            Tax,
            Report("b-01", enterprise, "cit", "2025-01", "600.00"),
            Report("b-02", enterprise, "cit", "2025-02", "600.00"));

        // January down to 300.00: February's year-to-date is now 900.00, all of it below the base.
        await ledger.BookAsync(Tax, Report("b-01-r2", enterprise, "cit", "2025-01", "300.00", revision: 2));

        var after = await ledger.AllocationsAsync();
        AssertMonth(after, enterprise, "2025-01", 0.00m, 300.00m);
        AssertMonth(after, enterprise, "2025-02", 0.00m, 600.00m);
        var adjustments = after.Where(e => e.Kind == "adjustment" && e.Amount != 0).Select(a => (a.Month, a.District, a.Amount)).Order();
        Assert.Equal([("2025-01", Huangpu, -300.00m), ("2025-02", Tianhe, -100.00m), ("2025-02", Huangpu, 100.00m)], adjustments);
    }

    [Fact]
    public async Task The_same_report_again_is_a_duplicate_and_a_new_report_must_carry_a_higher_revision()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 23);
        await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"]));
        var report = Report("dup-01", enterprise, "vat", "2025-01", "10.00");
        await ledger.BookAsync(Tax, report);
        var entries = await ledger.AllocationsAsync();

        var again = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/figures", Tax, new { reports = new[] { report } });
        Assert.Equal("duplicate", again.GetProperty("results")[0].GetProperty("status").GetString());

        var skipped = await ledger.PostFiguresAsync(Tax, Report("dup-01-again", enterprise, "vat", "2025-01", "12.00", revision: 1));
        var (_, body) = await Responses.ProblemAsync(skipped, HttpStatusCode.Conflict);
        Assert.EndsWith("revision-out-of-order", body.GetProperty("results")[0].GetProperty("error").GetProperty("type").GetString(), StringComparison.Ordinal);

        Assert.Equal(entries.Select(e => e.Raw.GetRawText()), (await ledger.AllocationsAsync()).Select(e => e.Raw.GetRawText()));
    }

    private static void AssertMonth(IReadOnlyList<Entry> entries, string enterprise, string month, decimal origin, decimal host)
    {
        var current = Entry.Current(entries.Where(e => e.Indicator is "vat" or "cit"), enterprise, "vat", month)
            .Concat(Entry.Current(entries, enterprise, "cit", month))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        Assert.Equal((origin, host), (current.GetValueOrDefault(Tianhe), current.GetValueOrDefault(Huangpu)));
    }
}
