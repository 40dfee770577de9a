using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RevenueShare.Ledger.Observability;
using RevenueShare.Ledger.Projections;

namespace RevenueShare.Ledger.Tests.Observability;

public sealed class ReadBarrierMetricsTests
{
    [Fact]
    public void The_lag_in_events_counts_every_acknowledged_event_not_yet_projected_over_all_agreements()
    {
        using var meter = new Meter(LedgerMetrics.MeterName);
        var barrier = new ReadBarrier(LedgerOptions.Default, new LedgerMetrics(meter));
        using var lag = new MetricCollector<long>(meter, "revshare.read_side.lag_events");

        barrier.Acknowledged("agreement-a", 3);
        barrier.Acknowledged("agreement-b", 2);
        barrier.Projected([("agreement-a", 1)]);
        lag.RecordObservableInstruments();
        Assert.Equal(4, lag.LastMeasurement?.Value);

        barrier.Projected([("agreement-a", 3), ("agreement-b", 2)]);
        lag.RecordObservableInstruments();
        Assert.Equal(0, lag.LastMeasurement?.Value);
    }

    [Fact]
    public async Task A_batch_refused_for_the_lag_is_counted_as_an_ingest_refusal()
    {
        using var meter = new Meter(LedgerMetrics.MeterName);
        var barrier = new ReadBarrier(LedgerOptions.Default with { ProjectionBacklog = 10, ReadLagBound = TimeSpan.FromMilliseconds(200) }, new LedgerMetrics(meter));
        using var refusals = new MetricCollector<long>(meter, "revshare.read_barrier.refusals");

        await barrier.AdmitAsync(10, CancellationToken.None);
        await Assert.ThrowsAsync<LedgerBusyException>(() => barrier.AdmitAsync(1, CancellationToken.None));

        var refusal = Assert.Single(refusals.GetMeasurementSnapshot());
        Assert.Equal(1, refusal.Value);
        Assert.Equal("ingest", refusal.Tags["refused"]);
    }
}
