using Akka.Actor;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.ReportIds;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.ReportIds;

/// <summary>
/// The cluster's reportId registry (<see cref="ReportIdDesk"/>) on a real journal: what it reserved for
/// batches in flight survives the desk (a node that died with it), so the desk that takes over refuses
/// those reportIds to other agreements as still being booked, and grants them to their own.
/// </summary>
public sealed class ReportIdDeskTests : IAsyncLifetime
{
    private static readonly AgreementId First = AgreementId.Parse("GZ-2026-0001");
    private static readonly AgreementId Second = AgreementId.Parse("GZ-2026-0002");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "revshare-desk-" + Guid.NewGuid().ToString("N"));
    private LedgerHost host = null!;

    public async Task InitializeAsync() =>
        host = await LedgerHost.StartAsync(StoreOptions.Sqlite(folder), LedgerHost.ClockAt("2025-06-01T00:00:00Z"));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_desk_that_takes_over_holds_the_reservations_of_batches_still_in_flight()
    {
        var before = StartDesk("desk-before");
        var claimed = await before.Ask<ReportIdClaims>(new ClaimReportIds([("r-1", First), ("r-2", First), ("r-1", Second)]), Wait);
        Assert.Equal([null, null, First], claimed.Claims.Select(c => c.HeldBy).ToArray());
        Assert.True(claimed.Claims[2].InFlight);

        // The desk goes with its node before the batch settles.
        Assert.True(await before.GracefulStop(Wait));

        var after = StartDesk("desk-after");
        var again = await after.Ask<ReportIdClaims>(new ClaimReportIds([("r-2", Second), ("r-1", First), ("r-3", Second)]), Wait);
        Assert.Equal([First, null, null], again.Claims.Select(c => c.HeldBy).ToArray());
        Assert.True(again.Claims[0].InFlight, "a reservation recovered is held as a batch in flight");
        Assert.NotEqual(claimed.Batch, again.Batch);
    }

    [Fact]
    public async Task A_batch_settled_before_the_desk_went_keeps_what_it_booked_and_frees_what_it_did_not()
    {
        var before = StartDesk("desk-settling");
        var claimed = await before.Ask<ReportIdClaims>(new ClaimReportIds([("s-1", First), ("s-2", First)]), Wait);
        before.Tell(new SettleReportIds(claimed.Batch, ["s-1", "s-2"], [("s-1", First)]));

        var next = await before.Ask<ReportIdClaims>(new ClaimReportIds([("s-1", Second), ("s-2", Second)]), Wait);
        Assert.Equal(First, next.Claims[0].HeldBy);
        Assert.False(next.Claims[0].InFlight, "booked, not in flight");
        Assert.Null(next.Claims[1].HeldBy);
    }

    private IActorRef StartDesk(string name) => host.System.ActorOf(ReportIdDesk.Props(host.Reads, host.Barrier, host.Metrics), name);
}
