using System.Diagnostics;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Sealing;
using static RevenueShare.Ledger.Tests.Faults.FaultyJournalLedger;

namespace RevenueShare.Ledger.Tests.Faults;

/// <summary>
/// What a journal write that fails leaves behind beyond the command itself (issue 10, found failing and
/// fixed): the caller told at once, no coverage kept for an approval that did not happen, the
/// registry back after its own write failed. Each test's summary says what went wrong before.
/// </summary>
public sealed class JournalFaultAftermathTests
{
    /// <summary>
    /// A failed write is answered as a failure at once. Before, the agreement actor had no
    /// <c>OnPersistFailure</c>/<c>OnPersistRejected</c> of its own: Akka.Persistence stopped it (or, on a
    /// rejection, dropped the event) without a word to the sender, so the gateway's ask waited its full
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
    /// there) before it persists its own <c>agreement-approved</c>. When that second write failed, the
    /// reservation stayed: the agreement was still awaiting approval, and once rejected it held no
    /// coverage, yet the registry refused any other agreement over the same enterprise for good. Now the
    /// agreement gives back the coverage reserved for the events the journal did not take.
    /// </summary>
    [Fact]
    public async Task An_approval_whose_journal_write_fails_leaves_no_coverage_reserved_once_the_agreement_is_rejected()
    {
        await using var ledger = await StartAsync();
        var first = await ledger.AwaitingApprovalAsync("第一份协议");
        await ledger.Journal.OnWrite.FailIf(write => SealedEvent.AgreementEventOf(write.Payload) is AgreementApproved);
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
    /// When the coverage registry's own write fails, Akka.Persistence stops it. It was a top-level actor
    /// started once without a supervisor, so from then on every approval waited 30 s for it and failed,
    /// and every figure batch (routed through it) the gateway's 60 s, until the process restarted. Now a
    /// backoff supervisor starts it (and the numbering) again, answering at once while it is down.
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

        // Sent again, as a client does after a failure, until the registry is back from its supervisor's
        // backoff (each attempt refused at once meanwhile, never left to time out).
        await ledger.Journal.OnWrite.Pass();
        var resending = Stopwatch.StartNew();
        AgreementReply? retried = null;
        while (retried is null)
        {
            Assert.True(resending.Elapsed < TimeSpan.FromSeconds(40), "the approval sent again is not answered within 40 s");
            using var attempt = new CancellationTokenSource(CallTimeout * 3);
            try
            {
                retried = await ledger.Gateway.SendAsync(Approve(id), attempt.Token);
            }
            catch (InvalidOperationException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal(AgreementStatus.Running, retried.State!.Status);
    }
}
