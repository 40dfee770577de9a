using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Projections;

/// <summary>
/// The read barrier as a cluster node uses it: a read also waits for the fence on other nodes'
/// writes, a fence that does not come in time answers unavailable, and the node knows which
/// agreements it still waits to see projected.
/// </summary>
public sealed class ReadBarrierClusterTests
{
    [Fact]
    public async Task A_read_waits_for_the_writes_of_other_nodes_as_well_as_its_own()
    {
        var barrier = new ReadBarrier(LedgerOptions.Default, Unmeasured.Metrics());
        barrier.CaughtUp();
        var othersProjected = new TaskCompletionSource();
        barrier.AlsoWaitFor(_ => othersProjected.Task);

        var read = barrier.WaitAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(read.IsCompleted);

        othersProjected.SetResult();
        await read.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_fence_that_does_not_come_in_time_answers_that_the_read_side_is_unavailable()
    {
        var barrier = new ReadBarrier(LedgerOptions.Default, Unmeasured.Metrics());
        barrier.CaughtUp();
        barrier.AlsoWaitFor(_ => Task.FromException(new TimeoutException()));

        await Assert.ThrowsAsync<ReadSideUnavailableException>(() => barrier.WaitAsync(CancellationToken.None));
    }

    [Fact]
    public void The_agreements_still_awaited_are_those_acknowledged_past_what_is_projected()
    {
        var barrier = new ReadBarrier(LedgerOptions.Default, Unmeasured.Metrics());
        barrier.Acknowledged("agreement-a", 3);
        barrier.Acknowledged("agreement-b", 5);
        barrier.Projected([("agreement-a", 3), ("agreement-b", 4)]);

        Assert.Equal(["agreement-b"], barrier.Unprojected.ToArray());
    }
}
