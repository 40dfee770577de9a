using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Projections;

/// <summary>
/// Figure batches are admitted by the reports admitted and not yet readable (docs/decisions.md, The
/// read side keeps up): within <see cref="LedgerOptions.ProjectionBacklog"/> (the smaller
/// <see cref="LedgerOptions.ReadingBacklog"/> while offices read) at once, past it once the
/// projection has passed the positions the earlier batches were answered with, and refused when that
/// does not happen within the lag bound.
/// </summary>
public sealed class ReadBarrierAdmissionTests
{
    private static readonly LedgerOptions Options = new() { ProjectionBacklog = 1000, ReadLagBound = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task Batches_within_the_backlog_are_admitted_at_once_and_leave_it_when_their_positions_are_projected()
    {
        var barrier = new ReadBarrier(Options, Unmeasured.Metrics());
        await barrier.AdmitAsync(600, CancellationToken.None);
        await barrier.AdmitAsync(400, CancellationToken.None);
        Assert.Equal(1000, barrier.Backlog);

        barrier.Acknowledged("agreement-a", 3);
        barrier.Booked(600, [("agreement-a", 3)]);
        barrier.Booked(400, []);
        Assert.Equal(600, barrier.Backlog);

        barrier.Projected([("agreement-a", 2)]);
        Assert.Equal(600, barrier.Backlog);
        barrier.Projected([("agreement-a", 3)]);
        Assert.Equal(0, barrier.Backlog);
    }

    [Fact]
    public async Task A_batch_that_would_pass_the_backlog_waits_for_the_projection()
    {
        var barrier = new ReadBarrier(Options, Unmeasured.Metrics());
        await barrier.AdmitAsync(800, CancellationToken.None);
        barrier.Acknowledged("agreement-a", 1);
        barrier.Booked(800, [("agreement-a", 1)]);

        var second = barrier.AdmitAsync(300, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(second.IsCompleted, "admitted past the backlog");

        barrier.Projected([("agreement-a", 1)]);
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(300, barrier.Backlog);
    }

    [Fact]
    public async Task A_batch_larger_than_the_backlog_is_admitted_alone()
    {
        var barrier = new ReadBarrier(Options, Unmeasured.Metrics());
        await barrier.AdmitAsync(5000, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(5000, barrier.Backlog);
    }

    [Fact]
    public async Task A_batch_not_admitted_within_the_lag_bound_is_refused_and_leaves_nothing_in_the_backlog()
    {
        var barrier = new ReadBarrier(Options with { ReadLagBound = TimeSpan.FromMilliseconds(300) }, Unmeasured.Metrics());
        await barrier.AdmitAsync(1000, CancellationToken.None);
        barrier.Acknowledged("agreement-a", 1);
        barrier.Booked(1000, [("agreement-a", 1)]);

        var refused = await Assert.ThrowsAsync<LedgerBusyException>(() => barrier.AdmitAsync(1, CancellationToken.None));
        Assert.Equal(TimeSpan.FromMilliseconds(300), refused.RetryAfter);
        Assert.Equal(1000, barrier.Backlog);
    }

    [Fact]
    public async Task While_offices_read_a_batch_is_admitted_within_the_smaller_reading_backlog()
    {
        var barrier = new ReadBarrier(Options with { ReadingBacklog = 500 }, Unmeasured.Metrics());
        barrier.CaughtUp();
        await barrier.AdmitAsync(600, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        barrier.Acknowledged("agreement-a", 1);
        barrier.Booked(600, [("agreement-a", 1)]);
        await barrier.AdmitAsync(300, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(900, barrier.Backlog);

        var read = barrier.WaitAsync(CancellationToken.None);
        var next = barrier.AdmitAsync(50, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(next.IsCompleted, "admitted past the reading backlog while a read waits");
        Assert.False(read.IsCompleted, "read answered before the write acknowledged before it was projected");

        barrier.Projected([("agreement-a", 1)]);
        await read.WaitAsync(TimeSpan.FromSeconds(5));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(350, barrier.Backlog);
    }
}
