using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using Akka.TestKit.Xunit2;
using NodaTime;
using NodaTime.Testing;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Agreements;

/// <summary>The agreement actor on the persistence test kit's journal, whose writes a test can make fail.</summary>
public sealed class AgreementActorTests() : TestKit(LedgerSystems.Setup(TestJournalConfig))
{
    private const string Id = "GZ-2025-0001";

    private static readonly Config TestJournalConfig = ConfigurationFactory.ParseString("""
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test.class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.test.class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
        # The first reply of a run waits for the actor system, the journal and the JIT on a busy 2-core CI machine.
        akka.test.single-expect-default = 15s
        """).WithFallback(LedgerConfig.For(StoreOptions.Sqlite(Path.GetTempPath())));

    private static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");
    private readonly FakeClock clock = new(Instant.FromUtc(2025, 6, 1, 0, 0));

    private ITestJournal Journal => TestJournal.FromRef(Persistence.Instance.Apply(Sys).JournalFor(null));

    [Fact]
    public async Task A_command_whose_event_cannot_be_journaled_is_answered_as_failed_never_acknowledged_and_changes_nothing()
    {
        var coverage = CreateTestProbe();
        var actor = Sys.ActorOf(AgreementActor.Props(AgreementId.Parse(Id), coverage, clock, LedgerOptions.Default.PassivateAfter, Unmeasured.Metrics()));
        actor.Tell(new CreateAgreement(AgreementId.Parse(Id), Principal.ForDistrict(DistrictCode.Parse("440103")), Terms()));
        Assert.Equal(AgreementStatus.Draft, ExpectMsg<AgreementReply>().State!.Status);

        await Journal.OnWrite.Fail();
        Watch(actor);
        actor.Tell(new FireTrigger(AgreementId.Parse(Id), Principal.ForDistrict(DistrictCode.Parse("440103")), LifecycleTrigger.Submit, null, null));

        // Told at once that nothing was done (not an acknowledgement), then the actor stops.
        Assert.Contains("the journal did not take the write", ExpectMsg<Status.Failure>().Cause.Message, StringComparison.Ordinal);
        ExpectTerminated(actor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        await Journal.OnWrite.Pass();
        var recovered = Sys.ActorOf(AgreementActor.Props(AgreementId.Parse(Id), coverage, clock, LedgerOptions.Default.PassivateAfter, Unmeasured.Metrics()));
        recovered.Tell(new GetAgreement(AgreementId.Parse(Id)));
        var state = ExpectMsg<AgreementReply>().State!;
        Assert.Equal(AgreementStatus.Draft, state.Status);
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void A_refused_trigger_persists_nothing_and_names_the_permitted_triggers()
    {
        var actor = Sys.ActorOf(AgreementActor.Props(AgreementId.Parse(Id), CreateTestProbe(), clock, LedgerOptions.Default.PassivateAfter, Unmeasured.Metrics()));
        actor.Tell(new CreateAgreement(AgreementId.Parse(Id), Principal.ForDistrict(DistrictCode.Parse("440103")), Terms()));
        ExpectMsg<AgreementReply>();

        actor.Tell(new FireTrigger(AgreementId.Parse(Id), Principal.Finance, LifecycleTrigger.Approve, null, null));
        var reply = ExpectMsg<AgreementReply>();

        Assert.Equal(RejectionCode.TriggerNotAllowed, reply.Rejection!.Code);
        Assert.Equal(["edit", "submit", "withdraw"], reply.Rejection.PermittedTriggers.ToArray());
        Assert.Equal(1, reply.State!.Version);
        Assert.Equal(1, reply.SequenceNr);
    }

    [Fact]
    public void Approval_waits_for_the_coverage_registry_and_a_collision_refuses_it_naming_the_other_agreement()
    {
        var coverage = CreateTestProbe();
        var actor = Sys.ActorOf(AgreementActor.Props(AgreementId.Parse(Id), coverage, clock, LedgerOptions.Default.PassivateAfter, Unmeasured.Metrics()));
        actor.Tell(new CreateAgreement(AgreementId.Parse(Id), Principal.ForDistrict(DistrictCode.Parse("440103")), Terms()));
        actor.Tell(new FireTrigger(AgreementId.Parse(Id), Principal.ForDistrict(DistrictCode.Parse("440103")), LifecycleTrigger.Submit, null, null));
        actor.Tell(new FireTrigger(AgreementId.Parse(Id), Principal.ForDistrict(DistrictCode.Parse("440115")), LifecycleTrigger.Countersign, null, null));
        ExpectMsg<AgreementReply>();
        ExpectMsg<AgreementReply>();
        Assert.Equal(AgreementStatus.AwaitingApproval, ExpectMsg<AgreementReply>().State!.Status);

        actor.Tell(new FireTrigger(AgreementId.Parse(Id), Principal.Finance, LifecycleTrigger.Approve, null, null));
        var reserve = coverage.ExpectMsg<ReserveCoverage>();
        Assert.Equal([new CoverageItem(Enterprise, RepositoryFiles.Indicator("vat"), new YearMonth(2025, 1), new YearMonth(2029, 12))], reserve.Items.ToArray());

        // While the registry has not answered, other commands wait their turn.
        actor.Tell(new GetAgreement(AgreementId.Parse(Id)));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        coverage.Reply(new CoverageCollision(AgreementId.Parse(Id), AgreementId.Parse("GZ-2024-0007"), reserve.Items[0]));
        var refused = ExpectMsg<AgreementReply>();
        Assert.Equal(RejectionCode.Overlap, refused.Rejection!.Code);
        Assert.Equal("GZ-2024-0007", refused.Rejection.CollidesWith?.Value);
        Assert.Contains("GZ-2024-0007", refused.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.AwaitingApproval, ExpectMsg<AgreementReply>().State!.Status);

        actor.Tell(new FireTrigger(AgreementId.Parse(Id), Principal.Finance, LifecycleTrigger.Approve, null, null));
        coverage.ExpectMsg<ReserveCoverage>();
        coverage.Reply(new CoverageReserved(AgreementId.Parse(Id)));
        Assert.Equal(AgreementStatus.Running, ExpectMsg<AgreementReply>().State!.Status);
    }

    private static AgreementTerms Terms() => new(
        "测试协议",
        AgreementModel.HqRndManufacturing,
        [new Party(DistrictCode.Parse("440103"), PartyRole.Origin), new Party(DistrictCode.Parse("440115"), PartyRole.Host)],
        new EffectivePeriod(new YearMonth(2025, 1), new YearMonth(2029, 12)),
        [new CoveredEnterprise(Enterprise, "示例", DistrictCode.Parse("440115"), ImmutableDictionary<Indicator, decimal>.Empty, null)],
        [new SharingTerm([RepositoryFiles.Indicator("vat")], AllocationMode.Split, [new RatioStep(new YearMonth(2025, 1), ImmutableDictionary<DistrictCode, decimal>.Empty.Add(DistrictCode.Parse("440103"), 60m).Add(DistrictCode.Parse("440115"), 40m))])]);
}
