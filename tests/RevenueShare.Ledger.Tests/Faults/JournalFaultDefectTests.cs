using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Coverage;
using static RevenueShare.Ledger.Tests.Faults.FaultyJournalLedger;

namespace RevenueShare.Ledger.Tests.Faults;

/// <summary>
/// KNOWN DEFECTS, failing on purpose until fixed (issue 10, item 2; see the trait): what a journal write
/// that fails leaves behind beyond the command itself. Each test says what should hold.
/// </summary>
[Trait("Defect", "issue-10-journal-faults")]
public sealed class JournalFaultDefectTests
{
    /// <summary>
    /// A failed write should be answered as a failure at once. The agreement actor has no
    /// <c>OnPersistFailure</c>/<c>OnPersistRejected</c> of its own: Akka.Persistence stops it (or, on a
    /// rejection, drops the event) without a word to the sender, so the gateway's ask waits its full
    /// 60 s timeout, and the HTTP request with it.
    /// </summary>
    [Fact]
    public async Task A_booking_whose_journal_write_fails_is_answered_as_failed_within_seconds()
    {
        await using var ledger = await StartAsync();
        var id = await ledger.AwaitingApprovalAsync();
        await ledger.Gateway.SendAsync(Approve(id), CancellationToken.None);

        await ledger.Journal.OnWrite.Fail();
        var sent = ledger.Gateway.SendAsync(Book(id, "r-1", "100.00"), CancellationToken.None);
        var answered = await Task.WhenAny(sent, Task.Delay(CallTimeout * 3));

        Assert.True(answered == sent, "no answer within 6 s of a failed journal write");
        await Assert.ThrowsAnyAsync<Exception>(() => sent);
    }

    /// <summary>
    /// An approval reserves the agreement's coverage with the <see cref="CoverageRegistry"/> (persisted
    /// there) before it persists its own <c>agreement-approved</c>. When that second write fails, the
    /// reservation stays: the agreement is still awaiting approval, and once rejected it holds no
    /// coverage, yet the registry refuses any other agreement over the same enterprise for good.
    /// </summary>
    [Fact]
    public async Task An_approval_whose_journal_write_fails_leaves_no_coverage_reserved_once_the_agreement_is_rejected()
    {
        await using var ledger = await StartAsync();
        var first = await ledger.AwaitingApprovalAsync("第一份协议");
        await ledger.Journal.OnWrite.FailOnType<AgreementApproved>();
        using (var caller = new CancellationTokenSource(CallTimeout * 3))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ledger.Gateway.SendAsync(Approve(first), caller.Token));
        }

        await ledger.Journal.OnWrite.Pass();
        Assert.Equal(AgreementStatus.Rejected, (await ledger.Gateway.SendAsync(Reject(first), CancellationToken.None)).State!.Status);

        var second = await ledger.AwaitingApprovalAsync("第二份协议");
        var approved = await ledger.Gateway.SendAsync(Approve(second), CancellationToken.None);

        Assert.True(approved.Rejection is null, approved.Rejection?.Message);
        Assert.Equal(AgreementStatus.Running, approved.State!.Status);
    }

    /// <summary>
    /// When the coverage registry's own write fails, Akka.Persistence stops it. It is a top-level actor
    /// started once (<c>LedgerHosting</c>) without a supervisor that starts it again, so from then on
    /// every approval waits 30 s for it and fails, and every figure batch (routed through it) waits the
    /// gateway's 60 s, until the process restarts. (The numbering actor is in the same position.)
    /// </summary>
    [Fact]
    public async Task An_approval_whose_coverage_write_fails_approves_when_sent_again()
    {
        await using var ledger = await StartAsync();
        var id = await ledger.AwaitingApprovalAsync();
        await ledger.Journal.OnWrite.FailOnType<CoverageGranted>();
        using (var caller = new CancellationTokenSource(CallTimeout * 3))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ledger.Gateway.SendAsync(Approve(id), caller.Token));
        }

        await ledger.Journal.OnWrite.Pass();
        var retried = ledger.Gateway.SendAsync(Approve(id), CancellationToken.None);
        var answered = await Task.WhenAny(retried, Task.Delay(TimeSpan.FromSeconds(40)));

        Assert.True(answered == retried, "the approval sent again is not answered within 40 s");
        Assert.Equal(AgreementStatus.Running, (await retried).State!.Status);
    }
}
