using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Integration;

/// <summary>
/// Point-in-time reads (asOf): what the ledger answered at an instant, across a restatement and an
/// amendment booked after it, on both stores and after the read side is rebuilt from the journal.
/// </summary>
public abstract partial class LedgerOnStoreContract
{
    [Fact]
    public async Task A_read_as_of_an_instant_before_a_restatement_answers_with_the_earlier_revision_and_its_entries()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T09:00:00Z");
        var store = await NewStoreAsync();
        await using var ledger = await LedgerHost.StartAsync(store, clock);
        var id = await ApproveAsync(ledger, CapTerms());
        await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m), Report("r2", "2025-02", 400.00m), Report("r3", "2025-03", 100.00m)], default);
        var before = await Allocations(ledger, id);

        // Half a second after the instant asked about: as ExtendedIso text "10:00:00.5Z" sorts before "10:00:00Z".
        var asOf = Instant.FromUtc(2025, 6, 1, 10, 0, 0);
        clock.Reset(asOf + Duration.FromMilliseconds(500));
        await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1b", "2025-01", 500.00m, revision: 2)], default);

        var then = await ledger.ReadAsync(at => at.AllocationsAsync(EveryEntry(id) with { AsOf = asOf }, default));
        Assert.Equal(Lines(before), Lines(then));
        Assert.DoesNotContain(then, e => e.Kind == "adjustment");
        Assert.Contains(await Allocations(ledger, id), e => e.Kind == "adjustment");

        var (from, to) = (Months.Parse("2025-01"), Months.Parse("2025-03"));
        var agreements = await ledger.ReadAsync(at => at.AgreementsAsync(null, default));
        var totals = await ledger.ReadAsync(at => at.AllocationTotalsAsync(from, to, asOf, agreements, default));
        Assert.Equal(["440103 500.00", "440115 600.00"], totals.Select(t => $"{t.District} {Amounts.Format(t.Units / 100m, 2)}"));
        var figures = await ledger.ReadAsync(at => at.FigureTotalsAsync(from, to, asOf, agreements, default));
        Assert.Equal([$"{id} vat 440115 110000 3"], figures.Select(f => $"{f.Agreement} {f.Indicator} {f.Registered} {f.Units} {f.Count}"));

        // The statement of the registered district then and now: January restated 600.00 → 500.00.
        var statementThen = await ledger.ReadAsync(at => OfficeReports.StatementAsync(at, DistrictCode.Parse("440115"), from, to, asOf, default));
        var statementNow = await ledger.ReadAsync(at => OfficeReports.StatementAsync(at, DistrictCode.Parse("440115"), from, to, null, default));
        Assert.Equal(("1100.00", "500.00", "600.00"), Vat(statementThen));
        Assert.Equal(("1000.00", "500.00", "500.00"), Vat(statementNow));

        // Asked about the present, the rows answer as the month totals do; before any booking, nothing.
        await AssertPresentAsync(ledger, from, to);
        Assert.Empty(await ledger.ReadAsync(at => at.AllocationTotalsAsync(from, to, Instant.FromUtc(2025, 6, 1, 8, 59, 59), agreements, default)));
        Assert.Empty(await ledger.ReadAsync(at => at.ReportedAsync(AgreementId.Parse(id), from, Instant.FromUtc(2025, 6, 1, 8, 59, 59), default)));
        Assert.Equal([(Enterprise, "vat")], await ledger.ReadAsync(at => at.ReportedAsync(AgreementId.Parse(id), from, asOf, default)));

        // Restated once more: between the two restatements January counts at revision 2, 500.00.
        var between = Instant.FromUtc(2025, 6, 1, 11, 0, 0);
        clock.Reset(between + Duration.FromTicks(1));
        await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1c", "2025-01", 450.00m, revision: 3)], default);
        Assert.Equal(
            [$"{id} vat 440115 50000 1"],
            (await ledger.ReadAsync(at => at.FigureTotalsAsync(from, from, between, agreements, default))).Select(f => $"{f.Agreement} {f.Indicator} {f.Registered} {f.Units} {f.Count}"));
        Assert.Equal(
            [$"{id} vat 440115 60000 1"],
            (await ledger.ReadAsync(at => at.FigureTotalsAsync(from, from, asOf, agreements, default))).Select(f => $"{f.Agreement} {f.Indicator} {f.Registered} {f.Units} {f.Count}"));
        await AssertPresentAsync(ledger, from, to);
    }

    [Fact]
    public async Task A_read_as_of_an_instant_before_an_amendment_s_approval_leaves_out_its_adjustments_and_its_terms()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T09:00:00Z");
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), clock);
        var beforeApproval = Instant.FromUtc(2025, 6, 1, 8, 0, 0);
        var id = await ApproveAsync(ledger, CapTerms());
        await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m), Report("r2", "2025-02", 300.00m)], default);

        var asOf = Instant.FromUtc(2025, 6, 1, 10, 0, 0);
        clock.Reset(asOf + Duration.FromSeconds(1));
        await SendAsync(ledger, new ProposeAmendment(AgreementId.Parse(id), Principal.ForDistrict(DistrictCode.Parse("440103")), Months.Parse("2025-01"), EvenSplit("2025-01")));
        await SendAsync(ledger, new FireAmendmentTrigger(AgreementId.Parse(id), Principal.ForDistrict(DistrictCode.Parse("440115")), 1, LifecycleTrigger.CountersignAmendment, null));
        await SendAsync(ledger, new FireAmendmentTrigger(AgreementId.Parse(id), Principal.Finance, 1, LifecycleTrigger.ApproveAmendment, "同意修订"));
        await SendAsync(ledger, new ReviewMonth(AgreementId.Parse(id), Principal.Tax, Months.Parse("2025-01"), IndicatorFamily.Tax, ReviewDecision.Approve, null));

        var now = await Allocations(ledger, id);
        Assert.Contains(now, e => e.Cause == "amendment 1");
        var then = await ledger.ReadAsync(at => at.AllocationsAsync(EveryEntry(id) with { AsOf = asOf }, default));
        Assert.Equal(["2025-01 440103 360.00", "2025-01 440115 240.00", "2025-02 440103 140.00", "2025-02 440115 160.00"], Lines(then));

        // The city's settlement: 440115 collected the tax and owes 440103 its part, 500.00 under the
        // first terms, 300.00 + 150.00 once the even split of amendment 1 took effect.
        Assert.Equal(["vat 440115→440103 500.00"], Gross(await ledger.ReadAsync(at => OfficeReports.SettlementAsync(at, 2025, asOf, default))));
        Assert.Equal(["vat 440115→440103 450.00"], Gross(await ledger.ReadAsync(at => OfficeReports.SettlementAsync(at, 2025, null, default))));

        // The reconciliation then: the agreement was open with its first terms, March not yet reported,
        // January not yet reviewed. Before the approval it was not open at all.
        var tax = RepositoryFiles.Reference.Indicators.Where(i => i.Family == IndicatorFamily.Tax).ToArray();
        var march = await ledger.ReadAsync(at => OfficeReports.ReconciliationAsync(at, Months.Parse("2025-03"), tax, asOf, default));
        Assert.Equal([(id, Enterprise, "vat")], march.Missing.Select(m => (m.Agreement.Value, m.Enterprise.Value, m.Indicator.Code)));
        Assert.Empty((await ledger.ReadAsync(at => OfficeReports.ReconciliationAsync(at, Months.Parse("2025-03"), tax, beforeApproval, default))).Missing);
        var januaryThen = await ledger.ReadAsync(at => OfficeReports.ReconciliationAsync(at, Months.Parse("2025-01"), tax, asOf, default));
        var januaryNow = await ledger.ReadAsync(at => OfficeReports.ReconciliationAsync(at, Months.Parse("2025-01"), tax, null, default));
        Assert.Equal([null], januaryThen.Reviews.Select(r => r.Status));
        Assert.Equal([ReviewStatus.Approved], januaryNow.Reviews.Select(r => r.Status));
        Assert.Equal(["440103 360.00", "440115 240.00"], Districts(januaryThen));
        Assert.Equal(["440103 300.00", "440115 300.00"], Districts(januaryNow));

        var header = Assert.Single(await ledger.ReadAsync(at => at.AgreementsAsOfAsync(asOf, default)));
        Assert.Equal((AgreementStatus.Running, 0), (header.Status, header.Amendments.Length));
        Assert.Empty(await ledger.ReadAsync(at => at.AgreementsAsOfAsync(beforeApproval, default)));
        await AssertPresentAsync(ledger, Months.Parse("2025-01"), Months.Parse("2025-12"));
    }

    [Fact]
    public async Task Point_in_time_reads_answer_alike_after_a_read_side_of_schema_5_is_rebuilt_from_the_journal()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T09:00:00Z");
        var store = await NewStoreAsync();
        var asOf = Instant.FromUtc(2025, 6, 1, 10, 0, 0);
        string id;
        IReadOnlyList<AllocationEntryRow> then;
        IReadOnlyList<FigureTotal> figuresThen;
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, CapTerms());
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m), Report("r2", "2025-02", 400.00m)], default);
            clock.Reset(asOf + Duration.FromTicks(1));
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1b", "2025-01", 500.00m, revision: 2)], default);
            then = await ledger.ReadAsync(at => at.AllocationsAsync(EveryEntry(id) with { AsOf = asOf }, default));
            figuresThen = await ledger.ReadAsync(async at => await at.FigureTotalsAsync(Months.Parse("2025-01"), Months.Parse("2025-12"), asOf, await at.AgreementsAsync(null, default), default));

            // What a read database of schema version 5 looked like: no booking instants in numbers, no revisions or history.
            await using var connection = await ledger.Database.OpenAsync();
            foreach (var sql in new[] { "DROP TABLE replaced_figures", "DROP TABLE agreement_history", "ALTER TABLE allocation_entries DROP COLUMN booked_ns",
                "ALTER TABLE figures DROP COLUMN booked_ns", "UPDATE read_schema SET version = 5", })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            Assert.Equal(Lines(then), Lines(await ledger.ReadAsync(at => at.AllocationsAsync(EveryEntry(id) with { AsOf = asOf }, default))));
            Assert.Equal(4, then.Count);
            Assert.Equal(
                figuresThen,
                await ledger.ReadAsync(async at => await at.FigureTotalsAsync(Months.Parse("2025-01"), Months.Parse("2025-12"), asOf, await at.AgreementsAsync(null, default), default)));
            Assert.Equal([$"{id} vat 440115 100000 2"], figuresThen.Select(f => $"{f.Agreement} {f.Indicator} {f.Registered} {f.Units} {f.Count}"));
            Assert.Single(await ledger.ReadAsync(at => at.AgreementsAsOfAsync(asOf, default)));
        }
    }

    /// <summary>Asked about the ledger's present, the rows answer exactly as the month totals do.</summary>
    private static async Task AssertPresentAsync(LedgerHost ledger, YearMonth from, YearMonth to)
    {
        var agreements = await ledger.ReadAsync(at => at.AgreementsAsync(null, default));
        var present = Instant.FromUtc(2030, 1, 1, 0, 0);
        Assert.Equal(await ledger.ReadAsync(at => at.AllocationTotalsAsync(from, to, default)), await ledger.ReadAsync(at => at.AllocationTotalsAsync(from, to, present, agreements, default)));
        Assert.Equal(await ledger.ReadAsync(at => at.FigureTotalsAsync(from, to, default)), await ledger.ReadAsync(at => at.FigureTotalsAsync(from, to, present, agreements, default)));
    }

    private static AllocationQuery EveryEntry(string id) => new(AgreementId.Parse(id), null, null, null, null, ["tax", "statistics"], null);

    private static (string Registered, string TransferredOut, string Net) Vat(DistrictStatement statement)
    {
        var vat = Assert.Single(statement.Indicators, l => l.Indicator.Code == "vat");
        return (Amounts.Format(vat.Registered, 2), Amounts.Format(vat.TransferredOut, 2), Amounts.Format(vat.Net, 2));
    }

    private static string[] Gross(YearEndSettlement settlement) =>
        [.. settlement.Gross.Select(g => $"{g.Indicator.Code} {g.From.Value}→{g.To.Value} {Amounts.Format(g.Amount, 2)}")];

    private static string[] Districts(Reconciliation reconciliation) =>
        [.. Assert.Single(reconciliation.Indicators, i => i.Indicator.Code == "vat").Districts
            .OrderBy(d => d.Key.Value, StringComparer.Ordinal).Select(d => $"{d.Key.Value} {Amounts.Format(d.Value, 2)}")];
}
