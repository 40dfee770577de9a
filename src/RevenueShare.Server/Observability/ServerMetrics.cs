using System.Diagnostics;
using System.Diagnostics.Metrics;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Server.Observability;

/// <summary>
/// The HTTP floor's instruments (meter <see cref="MeterName"/>): what became of the offices' figure
/// reports and how long their batches took, and the failed and throttled authentications
/// (docs/operations.md, Metrics). Labels are offices, outcomes and rejection codes, never a reportId,
/// an enterprise, an amount or a token.
/// </summary>
public sealed class ServerMetrics
{
    public const string MeterName = "RevenueShare.Server";

    private readonly Counter<long> reports;
    private readonly Histogram<double> batches;
    private readonly UpDownCounter<long> importsInFlight;
    private readonly Counter<long> authenticationFailures;
    private readonly Counter<long> throttled;

    public ServerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        reports = meter.CreateCounter<long>("revshare.reports", "{report}",
            "Figure reports answered, by office, outcome (booked, duplicate, rejected) and, for a rejection, its reason.");
        batches = meter.CreateHistogram<double>("revshare.figure_batch.duration", "s",
            "From a figure batch's (or an imported file's) arrival at the ledger to every report's answer, by office.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        importsInFlight = meter.CreateUpDownCounter<long>("revshare.imports.in_flight", "{file}",
            "Figure files (CSV or xlsx) being imported now: one that stays up is a stuck import.");
        authenticationFailures = meter.CreateCounter<long>("revshare.auth.failures", "{request}",
            "Requests whose credentials were refused (an unknown, revoked or expired token or session).");
        throttled = meter.CreateCounter<long>("revshare.auth.throttled", "{request}",
            "Requests refused with 429 because their address failed to authenticate too often.");
    }

    /// <summary>A batch's outcomes, and its time since <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void BatchAnswered(Principal office, long startedAt, IEnumerable<(ReportStatus Status, RejectionCode? Reason)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var by = new KeyValuePair<string, object?>("office", office.ToString());
        batches.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, by);
        foreach (var group in outcomes.GroupBy(o => o))
        {
            var (status, reason) = group.Key;
            reports.Add(group.LongCount(), by,
                new KeyValuePair<string, object?>("outcome", status.ToString().ToLowerInvariant()),
                new KeyValuePair<string, object?>("reason", reason?.ToString() ?? ""));
        }
    }

    public void ImportStarted() => importsInFlight.Add(1);

    public void ImportEnded() => importsInFlight.Add(-1);

    public void AuthenticationFailed() => authenticationFailures.Add(1);

    public void Throttled() => throttled.Add(1);
}
