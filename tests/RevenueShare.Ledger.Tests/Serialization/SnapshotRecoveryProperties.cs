using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Serialization;

/// <summary>
/// Recovery from a snapshot taken after any event of an agreement's life, plus the events after it,
/// gives the state of a full replay, field by field (<see cref="Structural"/>), in both forms a store
/// holds: the compact binary form the actors write (<c>agreement-snapshot.v5</c>: a chain head before the
/// hand-written layout of <c>agreement-snapshot.v2</c>, which older stores hold) and the
/// JSON form of older stores (<c>agreement-snapshot.v1</c>, no longer written: its payload is made from
/// its wire record here). The recovered state must also decide as the
/// replayed one: what a restatement of every figure books, and what approving a pending amendment books.
/// </summary>
public sealed class SnapshotRecoveryProperties
{
    /// <summary>A life and the number of its events the snapshot is taken after (at least the creation).</summary>
    private static readonly Arbitrary<(AgreementLife Life, int Cut)> Cuts = Arb.From(
        from life in AgreementLife.Any.Generator
        from cut in Gen.Choose(1, life.Events.Length)
        select (life, cut));

    [Property(MaxTest = 200)]
    public Property A_chained_snapshot_after_any_event_and_the_events_after_it_recover_the_full_replay() =>
        Prop.ForAll(Cuts, p => RecoversTheFullReplay(p.Life, p.Cut, "agreement-snapshot.v5", state => LedgerSerializer.Payload(new ChainedAgreementSnapshot(state, SerializerSamples.Head))));

    [Property(MaxTest = 100)]
    public Property A_json_snapshot_after_any_event_and_the_events_after_it_recover_the_full_replay() =>
        Prop.ForAll(Cuts, p => RecoversTheFullReplay(p.Life, p.Cut, "agreement-snapshot.v1", state => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(AgreementSnapshotV1Wire.Of(state), WireJson.Options)));

    /// <summary>
    /// The lives hold what the properties claim to cover: of 300, many book restatements and double-count
    /// credits, have figures reported twice (duplicates) or refused, months reviewed and reopened,
    /// amendments approved, suspensions resumed and terminations.
    /// </summary>
    [Fact]
    public void The_lives_reach_every_kind_of_event_restatements_and_double_count()
    {
        // A fixed seed: the test says what these generators reach, always the same way.
        var lives = AgreementLife.Any.Generator.Sample(300, new Rnd(20261210UL), 50);
                int Lives(Func<AgreementLife, bool> has) => lives.Count(has);
        var reach = new Dictionary<string, int>
        {
            ["edited"] = Lives(l => l.Events.OfType<DraftEdited>().Any()),
            ["restated"] = Lives(l => l.Events.OfType<FiguresBooked>().Any(b => b.Reports.Any(r => r.Revision > 1))),
            ["double-count"] = Lives(l => l.Events.OfType<FiguresBooked>().Any(b => b.Entries.Any(e => e.Change.Line.DoubleCount))),
            ["statistics"] = Lives(l => l.Events.OfType<FiguresBooked>().Any(b => b.Reports.Any(r => r.Indicator.Scale == 1))),
            ["capped"] = Lives(l => l.Events.OfType<FiguresBooked>().Any(b => b.Entries.Any(e => e.Change.Line.CapRemainingAfter == 0m))),
            ["approved month"] = Lives(l => l.Events.OfType<MonthReviewed>().Any(r => r.Decision == ReviewDecision.Approve)),
            ["reopened month"] = Lives(l => l.Events.OfType<MonthReviewed>().Any(r => r.Decision == ReviewDecision.Reopen)),
            ["amendment approved"] = Lives(l => l.Events.OfType<AmendmentApproved>().Any(a => !a.Entries.IsEmpty)),
            ["factors restated"] = Lives(l => l.Events.OfType<FactorsReported>().Any(f => f.Report.Revision > 1)),
            ["formula in force"] = Lives(l => l.StateAfter(l.Events.Length).Rules.Versions.Any(v => v.Terms.Any(t => t.Formula is not null))),
            ["amendment rejected or withdrawn"] = Lives(l => l.Events.Any(e => e is AmendmentRejected or AmendmentWithdrawn)),
            ["resumed"] = Lives(l => l.Events.OfType<AgreementResumed>().Any()),
            ["suspended at the end"] = Lives(l => l.StateAfter(l.Events.Length).SuspendedFrom is not null),
            ["terminated"] = Lives(l => l.Events.OfType<AgreementTerminated>().Any()),
            ["history certified"] = Lives(l => l.Events.OfType<HistoryCertified>().Any()),
            ["history restated"] = Lives(l => l.Events.OfType<HistoryReported>().Any(h => h.Reports.Any(r => r.Revision > 1))),
        };

        Assert.True(reach.Values.All(n => n >= 10), string.Join(", ", reach.Select(r => $"{r.Key} {r.Value}")));
    }

    private static void RecoversTheFullReplay(AgreementLife life, int cut, string manifest, Func<AgreementState, byte[]> payloadOf)
    {
        var atCut = life.StateAfter(cut);
        var bytes = payloadOf(atCut);
        var read = ((IAgreementSnapshot)LedgerSerializer.FromPayload(bytes, manifest, Catalogue.Guangzhou)).State;

        var recovered = AgreementHistory.Apply(read, life.Events.Skip(cut));
        var replayed = life.StateAfter(life.Events.Length);
        Structural.AssertSame(replayed, recovered);
        Structural.AssertSame(atCut, read);
        Assert.Equal(bytes, payloadOf(read));
        foreach (var probe in Probes(replayed))
        {
            Structural.AssertSame(AgreementDecider.Decide(replayed, probe, AgreementLife.Now), AgreementDecider.Decide(recovered, probe, AgreementLife.Now));
        }
    }

    /// <summary>
    /// Commands that read the whole book: each family's office restating every current figure of its
    /// family by one unit (recomputing every enterprise from its first month), and finance approving the
    /// pending amendment (reallocating every month booked).
    /// </summary>
    private static IEnumerable<IAgreementCommand> Probes(AgreementState state)
    {
        foreach (var family in new[] { IndicatorFamily.Tax, IndicatorFamily.Statistics })
        {
            var restated = state.Books.Values
                .SelectMany(book => book.Figures)
                .Where(f => f.Indicator.Family == family)
                .OrderBy(f => f.Enterprise).ThenBy(f => f.Month).ThenBy(f => f.Indicator.Order)
                .Select(f => new FigureReport($"probe-{f.ReportId}", f.Enterprise, f.Indicator, f.Month, f.Amount + Amounts.Unit(f.Indicator.Scale), f.Revision + 1))
                .ToImmutableArray();
            yield return new BookFigures(state.Id, Domain.Principal.ReporterOf(family), restated);
        }

        if (state.PendingAmendment is { } pending)
        {
            yield return new FireAmendmentTrigger(state.Id, Domain.Principal.Finance, pending.Number, LifecycleTrigger.ApproveAmendment, null);
        }
    }
}
