using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RevenueShare.Ledger.Observability;

/// <summary>
/// The ledger's instruments (meter <see cref="MeterName"/>): what an operator watches to know that
/// writes become durable and readable in time and that memory stays bounded. The names and what a
/// healthy month-end shows are in docs/operations.md, Metrics. Nothing here carries an amount, an
/// enterprise or a token: only counts, durations and offices. Durations are recorded as seconds in
/// <see cref="double"/>, as OpenTelemetry and Prometheus expect them; no amount passes through here.
/// </summary>
public sealed class LedgerMetrics
{
    public const string MeterName = "RevenueShare.Ledger";

    private readonly Histogram<double> journalWrites;
    private readonly UpDownCounter<long> agreementsLive;
    private readonly Counter<long> agreementsPassivated;
    private readonly Histogram<double> readWaits;
    private readonly Counter<long> refusals;
    private long coveredEnterprises = -1;
    private Func<long>? bookedReportIds;

    public LedgerMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        Meter = meter;
        journalWrites = meter.CreateHistogram<double>("revshare.journal.write.duration", "s",
            "From handing an agreement's events to the journal to their being durable.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        agreementsLive = meter.CreateUpDownCounter<long>("revshare.agreements.live", "{agreement}",
            "Agreements whose state is in this process's memory.");
        agreementsPassivated = meter.CreateCounter<long>("revshare.agreements.passivated", "{agreement}",
            "Agreements let go from memory after being idle (or after a journal failure).");
        readWaits = meter.CreateHistogram<double>("revshare.read_barrier.wait.duration", "s",
            "How long a read waited for the read side to hold every write acknowledged before it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        refusals = meter.CreateCounter<long>("revshare.read_barrier.refusals", "{request}",
            "Requests refused because the read side lagged: refused=read (503, the read waited too long) or refused=ingest (429, a figure batch held back past the lag bound).");
        meter.CreateObservableGauge("revshare.coverage.index.size", ObserveCoverage, "{pair}",
            "Enterprise and indicator pairs in the coverage registry's index (on the node running the registry).");
        meter.CreateObservableGauge("revshare.report_ids.index.size", ObserveReportIds, "{report_id}",
            "ReportIds the registry holds as booked (on the node running the registry).");
    }

    /// <summary>Seconds for journal writes and read waits: milliseconds on a quiet store, up to the 30 s a read may wait.</summary>
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>The meter the ledger's parts that own a value (the read barrier, the reportId registry) observe it on.</summary>
    public Meter Meter { get; }

    public void JournalWritten(long startedAt) => journalWrites.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    public void AgreementStarted() => agreementsLive.Add(1);

    public void AgreementStopped(bool passivated)
    {
        agreementsLive.Add(-1);
        if (passivated)
        {
            agreementsPassivated.Add(1);
        }
    }

    public void ReadWaited(TimeSpan waited) => readWaits.Record(waited.TotalSeconds);

    public void ReadRefused() => refusals.Add(1, new KeyValuePair<string, object?>("refused", "read"));

    public void IngestRefused() => refusals.Add(1, new KeyValuePair<string, object?>("refused", "ingest"));

    /// <summary>The coverage registry's index size, told by the registry as it changes.</summary>
    public void CoverageIndexed(int pairs) => Interlocked.Exchange(ref coveredEnterprises, pairs);

    /// <summary>Where the reportId registry's size is read from: the registry of this process, or the desk running here.</summary>
    public void ObserveReportIds(Func<long> count) => Volatile.Write(ref bookedReportIds, count);

    private IEnumerable<Measurement<long>> ObserveReportIds() =>
        Volatile.Read(ref bookedReportIds) is { } count ? [new Measurement<long>(count())] : [];

    private IEnumerable<Measurement<long>> ObserveCoverage()
    {
        var pairs = Interlocked.Read(ref coveredEnterprises);
        return pairs < 0 ? [] : [new Measurement<long>(pairs)];
    }
}
