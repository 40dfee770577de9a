using System.Net;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Observability;

/// <summary>
/// A real Prometheus scrapes the service's <c>/metrics</c> address during a small ingest, and the
/// counters and the read side's lag are asked of Prometheus, as an operator's dashboard asks them.
/// </summary>
[Collection(ProcessWideMeters.Name)]
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan ScrapesWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Prometheus_reads_the_booked_duplicate_and_rejected_counts_and_a_lag_that_comes_back_to_zero()
    {
        await using var ledger = await LedgerUnderTest.StartAsync(options: serve => serve with { MetricsUrls = "http://127.0.0.1:0" });
        var metrics = new Uri(ledger.Server.MetricsAddress, "/metrics");
        await using var prometheus = await PrometheusServer.StartAsync(metrics);

        await ledger.CreateActiveAsync(SmallLedger.ActiveDocument());
        var enterprise = SmallLedger.ActiveEnterprise;
        await ledger.BookAsync(Tax, Report("p-1", enterprise, "vat", "2025-01", "100.00"), Report("p-2", enterprise, "vat", "2025-02", "200.00"));
        await ledger.BookAsync(Tax, Report("p-3", enterprise, "vat", "2025-03", "300.00"));
        using var resent = await ledger.PostFiguresAsync(Tax, Report("p-1", enterprise, "vat", "2025-01", "100.00"));
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        using var uncovered = await ledger.PostFiguresAsync(Tax, Report("p-4", SmallLedger.DraftEnterprise, "vat", "2025-01", "1.00"));
        Assert.Equal(HttpStatusCode.Conflict, uncovered.StatusCode);
        await ledger.AllocationsAsync();

        async Task Expect(string promQl, decimal expected) =>
            Assert.True(await prometheus.AwaitAsync(promQl, expected, ScrapesWithin) == expected,
                $"{promQl}: expected {expected}, Prometheus answers {await prometheus.QueryAsync(promQl)}\n{prometheus.Output}");

        await Expect("""sum(revshare_reports_total{office="tax",outcome="booked"})""", 3);
        await Expect("""sum(revshare_reports_total{office="tax",outcome="duplicate"})""", 1);
        await Expect("""sum(revshare_reports_total{office="tax",outcome="rejected",reason="NotCovered"})""", 1);
        await Expect("""sum(revshare_figure_batch_duration_seconds_count{office="tax"})""", 4);
        await Expect("sum(revshare_read_side_lag_seconds)", 0);
        await Expect("sum(revshare_read_side_lag_events)", 0);
        await Expect("sum(revshare_agreements_live)", 1);
        await Expect("sum(revshare_coverage_index_size)", 2);
        await Expect("sum(revshare_report_ids_index_size)", 3);
        await Expect("""count(up{job="revshare"} == 1)""", 1);

        Assert.True(await prometheus.QueryAsync("sum(revshare_journal_write_duration_seconds_count)") >= 3);
        Assert.True(await prometheus.QueryAsync("sum(dotnet_process_memory_working_set_bytes)") > 0);
        Assert.True(await prometheus.QueryAsync("sum(dotnet_gc_collections_total)") > 0);
    }
}
