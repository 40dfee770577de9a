using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using NodaTime.Testing;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Agreements;

/// <summary>
/// The agreement actor on the real SQLite journal and snapshot store, configured as the ledger
/// configures them (<see cref="LedgerConfig"/>): it saves a snapshot when it reaches 50 events
/// (docs/decisions.md, Snapshots), and after a restart it recovers from that snapshot to the state a
/// full replay of its journal gives, field by field (<see cref="Structural"/>), and goes on deciding
/// as that state does. Every event it stores is sealed, each linked to the one before, and each snapshot
/// holds the chain head at its event. The life it lives is a long random one (<see cref="AgreementLife"/>, a fixed seed).
/// </summary>
public sealed class AgreementSnapshotOnSqliteTests : TestKit
{
    private const int SnapshotInterval = 50;

    private static readonly string PersistenceId = AgreementActor.PersistenceIdOf(AgreementLife.Id);

    private readonly string dataDirectory;
    private readonly FakeClock clock = new(AgreementLife.Now);

    public AgreementSnapshotOnSqliteTests()
        : this(Path.Combine(Path.GetTempPath(), "revshare-snapshot-test-" + Guid.NewGuid().ToString("N")))
    {
    }

    private AgreementSnapshotOnSqliteTests(string dataDirectory)
        : base(LedgerSystems.Setup(SqliteConfig(dataDirectory))) => this.dataDirectory = dataDirectory;

    [Fact]
    public async Task The_actor_saves_a_snapshot_at_50_events_and_a_restart_recovers_from_it_to_the_full_replay()
    {
        var life = LongLife();
        var coverage = Coverage();
        var actor = Sys.ActorOf(AgreementActor.Props(AgreementLife.Id, coverage, clock, LedgerOptions.Default.PassivateAfter, Unmeasured.Metrics()));
        foreach (var command in life.Commands)
        {
            actor.Tell(command);
            Assert.Null(ExpectMsg<AgreementReply>().Rejection);
        }

        // The actor decided what the decider decided, and holds the state replaying that gives.
        var live = await StateOf(actor);
        Structural.AssertSame(life.StateAfter(life.Events.Length), live);
        var sealedEvents = await JournalAsync();
        var journal = sealedEvents.Select(e => e.Event).ToArray();
        Structural.AssertSame(life.Events.ToArray(), journal.Select(Unsealed).ToArray());
        for (var k = 0; k < sealedEvents.Length; k++)
        {
            Assert.Equal(k == 0 ? ChainDigest.Zero : sealedEvents[k - 1].Digest, sealedEvents[k].Previous);
        }

        // The snapshots in the store: one at 50 events, and the newest, each the replay of the journal up to it.
        var first = await AwaitSnapshotAsync(SnapshotInterval);
        Assert.Equal(SnapshotInterval, first.Metadata.SequenceNr);
        var newest = await AwaitSnapshotAsync(long.MaxValue);
        Assert.InRange(newest.Metadata.SequenceNr, SnapshotInterval, journal.Length);
        foreach (var snapshot in new[] { first, newest })
        {
            var stored = Assert.IsType<ChainedAgreementSnapshot>(snapshot.Snapshot);
            Structural.AssertSame(Replay(journal.Take((int)snapshot.Metadata.SequenceNr)), stored.State);
            Assert.Equal(sealedEvents[snapshot.Metadata.SequenceNr - 1].Digest, stored.ChainHead);
        }

        // Restart. The events the newest snapshot covers are deleted first, so what the new incarnation
        // knows of them it can only have from the snapshot.
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Persistence.Instance.Apply(Sys).JournalFor(null).Tell(new DeleteMessagesTo(PersistenceId, newest.Metadata.SequenceNr, TestActor));
        ExpectMsg<DeleteMessagesSuccess>();
        Assert.Equal(journal.Length - newest.Metadata.SequenceNr, (await JournalAsync()).Length);

        var recovered = Sys.ActorOf(AgreementActor.Props(AgreementLife.Id, coverage, clock, LedgerOptions.Default.PassivateAfter, Unmeasured.Metrics()));
        var replayed = Replay(journal);
        Structural.AssertSame(replayed, await StateOf(recovered));

        // It goes on as the replayed state would: a restatement of every current figure books the same.
        foreach (var restatement in Restatements(replayed))
        {
            var expected = AgreementDecider.Decide(replayed, restatement, AgreementLife.Now);
            recovered.Tell(restatement);
            var reply = ExpectMsg<AgreementReply>();
            Structural.AssertSame(expected.Outcomes, reply.Outcomes);
            replayed = expected.Events.IsEmpty ? replayed : AgreementHistory.Apply(replayed, expected.Events);
            Assert.Equal(AgreementLife.Id, reply.Answering);
            Structural.AssertSame(replayed, await StateOf(recovered));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Config SqliteConfig(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return ConfigurationFactory.ParseString("""
            # The first reply of a run waits for the actor system, the journal and the JIT on a busy 2-core CI machine.
            akka.test.single-expect-default = 15s
            """).WithFallback(LedgerConfig.For(StoreOptions.Sqlite(dataDirectory)));
    }

    /// <summary>A life of well over 50 events with restatements, reviews and an approved amendment in it, the first of a fixed sample.</summary>
    private static AgreementLife LongLife() =>
        AgreementLife.Of(Gen.Constant(150)).Sample(40, new FsCheck.Rnd(20261210UL), 50).First(life =>
            life.Events.Length >= SnapshotInterval + 20
            && life.Events.OfType<FiguresBooked>().Any(b => b.Reports.Any(r => r.Revision > 1))
            && life.Events.OfType<MonthReviewed>().Any()
            && life.Events.OfType<AmendmentApproved>().Any());

    private static AgreementState Replay(IEnumerable<IAgreementEvent> events) => AgreementHistory.Apply(null, events);

    /// <summary>An event as the decider decided it: an approval before the actor sealed it.</summary>
    private static IAgreementEvent Unsealed(IAgreementEvent e) => e is MonthReviewed review ? review with { Seal = null } : e;

    /// <summary>Each family's office restating every current figure of its family by one unit.</summary>
    private static IEnumerable<BookFigures> Restatements(AgreementState state) =>
        new[] { IndicatorFamily.Tax, IndicatorFamily.Statistics }.Select(family => new BookFigures(
            state.Id,
            Principal.ReporterOf(family),
            [.. state.Books.Values
                .SelectMany(book => book.Figures)
                .Where(f => f.Indicator.Family == family)
                .OrderBy(f => f.Enterprise).ThenBy(f => f.Month).ThenBy(f => f.Indicator.Order)
                .Select(f => new FigureReport($"again-{f.ReportId}", f.Enterprise, f.Indicator, f.Month, f.Amount + Amounts.Unit(f.Indicator.Scale), f.Revision + 1))]));

    /// <summary>A coverage registry that grants every reservation (coverage is not what this test is about).</summary>
    private TestProbe Coverage()
    {
        var coverage = CreateTestProbe();
        coverage.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is ReserveCoverage reserve)
            {
                sender.Tell(new CoverageReserved(reserve.AgreementId));
            }

            return AutoPilot.KeepRunning;
        }));
        return coverage;
    }

    private static async Task<AgreementState> StateOf(IActorRef actor) =>
        (await actor.Ask<AgreementReply>(new GetAgreement(AgreementLife.Id), TimeSpan.FromSeconds(30))).State!;

    /// <summary>The agreement's events as the store holds them, read back through the ledger's serializer.</summary>
    private async Task<SealedEvent[]> JournalAsync()
    {
        var events = await PersistenceQuery.Get(Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier)
            .CurrentEventsByPersistenceId(PersistenceId, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        return [.. events.Select(e => Assert.IsType<SealedEvent>(e.Event))];
    }

    /// <summary>The newest snapshot at or before <paramref name="maxSequenceNr"/>, waiting for it: the actor saves snapshots after it replies.</summary>
    private async Task<SelectedSnapshot> AwaitSnapshotAsync(long maxSequenceNr)
    {
        var store = Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        SelectedSnapshot? found = null;
        await AwaitAssertAsync(
            async () =>
            {
                var loaded = await store.Ask<LoadSnapshotResult>(
                    new LoadSnapshot(PersistenceId, new SnapshotSelectionCriteria(maxSequenceNr), long.MaxValue), TimeSpan.FromSeconds(15));
                found = loaded.Snapshot;
                Assert.NotNull(found);
            },
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(100));
        return found!;
    }
}
