using System.Diagnostics;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Server;

namespace RevenueShare.Benchmarks;

/// <summary>
/// <c>--profile</c>: the city-year through the pure domain only (decide, apply, serialize the event,
/// snapshot every 50 events), with a stopwatch per section — what the ledger costs before any store.
/// </summary>
internal static class Profile
{
    public static void Run(double scale)
    {
        var reference = ContractsLocator.LoadReference(ContractsLocator.Find());
        var generator = new Generator(reference, scale);
        var agreements = generator.Agreements();
        var now = FixedClock.Now;
        var states = new Dictionary<string, AgreementState>();
        var owner = new Dictionary<string, string>();
        var events = new Dictionary<string, int>();
        foreach (var a in agreements)
        {
            AgreementDocumentReader.TryRead(a.Document, reference, out var terms, out _);
            var id = "GZ-2030-" + a.Index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var state = Step(null, new CreateAgreement(AgreementId.Parse(id), Principal.ForDistrict(a.Proposer), terms!), now);
            state = Step(state, new FireTrigger(AgreementId.Parse(id), Principal.ForDistrict(a.Proposer), LifecycleTrigger.Submit, null, null), now);
            foreach (var p in a.Countersigners)
            {
                state = Step(state, new FireTrigger(AgreementId.Parse(id), Principal.ForDistrict(p), LifecycleTrigger.Countersign, null, null), now);
            }

            states[id] = Step(state, new FireTrigger(AgreementId.Parse(id), Principal.Finance, LifecycleTrigger.Approve, "x", null), now);
            events[id] = 5;
            foreach (var e in a.Enterprises)
            {
                owner[e] = id;
            }
        }

        var read = new Stopwatch();
        var decide = new Stopwatch();
        var apply = new Stopwatch();
        var serialize = new Stopwatch();
        var snapshot = new Stopwatch();
        long bytes = 0, snapshotBytes = 0, entries = 0;
        var byMonth = new double[13];
        var gc0 = GC.CollectionCount(0);
        var total = Stopwatch.StartNew();
        foreach (var family in new[] { "tax", "statistics" })
        {
            var office = family == "tax" ? Principal.Tax : Principal.Statistics;
            foreach (var batch in Generator.Year(agreements, family).Chunk(1000))
            {
                read.Start();
                var reports = batch.Select(d => FigureReportReader.TryRead(d, "$", reference, out var r, out _) ? r : throw new InvalidOperationException()).ToList();
                read.Stop();
                foreach (var group in reports.GroupBy(r => owner[r.Enterprise.Value]))
                {
                    var before = decide.Elapsed;
                    decide.Start();
                    var decision = AgreementDecider.Decide(states[group.Key], new BookFigures(AgreementId.Parse(group.Key), office, [.. group]), now);
                    decide.Stop();
                    byMonth[group.First().Month.Month] += (decide.Elapsed - before).TotalSeconds;
                    foreach (var e in decision.Events)
                    {
                        serialize.Start();
                        bytes += LedgerSerializer.Payload(e).Length;
                        serialize.Stop();
                        entries += (e as FiguresBooked)?.Entries.Length ?? 0;
                        apply.Start();
                        states[group.Key] = states[group.Key].Apply(e);
                        apply.Stop();
                        if (++events[group.Key] % 50 == 0)
                        {
                            snapshot.Start();
                            snapshotBytes += AgreementSnapshotV2Wire.Write(states[group.Key]).Length;
                            snapshot.Stop();
                        }
                    }
                }
            }
        }

        var count = generator.EnterpriseCount * 72;
        Console.WriteLine($"profile (domain only, scale {scale}): {count} reports in {total.Elapsed.TotalSeconds:F2} s = {count / total.Elapsed.TotalSeconds:F0} reports/s; gen0 GCs {GC.CollectionCount(0) - gc0}");
        Console.WriteLine($"  read documents {read.Elapsed.TotalSeconds:F2} s; decide {decide.Elapsed.TotalSeconds:F2} s; apply {apply.Elapsed.TotalSeconds:F2} s; "
            + $"(by month of the figures: {string.Join(" ", byMonth.Skip(1).Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} s); serialize events {serialize.Elapsed.TotalSeconds:F2} s ({bytes / 1048576.0:F0} MiB, {entries} entries); snapshots {snapshot.Elapsed.TotalSeconds:F2} s ({snapshotBytes / 1048576.0:F0} MiB)");

        // What the agreements' states hold in memory: the heap with them, less the heap once they are dropped.
        var held = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(states);
        states.Clear();
        var stateBytes = held - GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  agreements' state in memory: {stateBytes / 1048576.0:F0} MiB, {stateBytes / count} bytes a report");
    }

    private static AgreementState Step(AgreementState? state, IAgreementCommand command, NodaTime.Instant now)
    {
        var decision = AgreementDecider.Decide(state, command, now);
        if (decision.Rejection is not null)
        {
            throw new InvalidOperationException(decision.Rejection.Message);
        }

        foreach (var e in decision.Events)
        {
            state = e is AgreementCreated c ? AgreementState.Created(c) : state!.Apply(e);
        }

        return state!;
    }
}
