using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Sealing;
using static RevenueShare.Ledger.Tests.Faults.FaultyJournalLedger;

namespace RevenueShare.Ledger.Tests.Faults;

/// <summary>
/// Journal writes that fail or time out (the persistence test kit's journal), seen through the gateway:
/// the command is not acknowledged, the agreement holds the state it had before (nothing of the
/// command applied: its actor replays what the journal holds), and the same command sent again once
/// the journal writes succeeds.
/// </summary>
public sealed class JournalFaultTests
{
    /// <summary>How long a caller waits for an answer that must not be an acknowledgement.</summary>
    private static readonly TimeSpan CallerWaits = CallTimeout * 3;

    [Fact]
    public async Task A_booking_whose_journal_write_fails_is_not_acknowledged_changes_nothing_and_books_when_sent_again()
    {
        await using var ledger = await StartAsync();
        var id = await RunningAsync(ledger);
        var before = (await ledger.Gateway.GetAsync(id, CancellationToken.None))!;

        await ledger.Journal.OnWrite.Fail();
        await AssertNotAcknowledgedAsync(ledger, Book(id, "r-1", "100.00"));
        await ledger.Journal.OnWrite.Pass();

        await AssertBookedOnceWhenSentAgainAsync(ledger, id, before);
    }

    [Fact]
    public async Task A_booking_whose_journal_write_times_out_is_not_acknowledged_changes_nothing_and_books_when_sent_again()
    {
        await using var ledger = await StartAsync();
        var id = await RunningAsync(ledger);
        var before = (await ledger.Gateway.GetAsync(id, CancellationToken.None))!;

        // Longer than the journal's call timeout: its circuit breaker fails the write.
        await ledger.Journal.OnWrite.FailWithDelay(CallTimeout * 2);
        await AssertNotAcknowledgedAsync(ledger, Book(id, "r-1", "100.00"));
        await ledger.Journal.OnWrite.Pass();

        await AssertBookedOnceWhenSentAgainAsync(ledger, id, before);
    }

    [Fact]
    public async Task An_approval_whose_journal_write_fails_is_not_acknowledged_leaves_the_agreement_awaiting_approval_and_approves_when_sent_again()
    {
        await using var ledger = await StartAsync();
        var id = await ledger.AwaitingApprovalAsync();
        var before = (await ledger.Gateway.GetAsync(id, CancellationToken.None))!;

        await ledger.Journal.OnWrite.FailIf(write => SealedEvent.AgreementEventOf(write.Payload) is AgreementApproved);
        await AssertNotAcknowledgedAsync(ledger, Approve(id));
        await ledger.Journal.OnWrite.Pass();

        var after = (await ledger.Gateway.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(AgreementStatus.AwaitingApproval, after.Status);
        Assert.Equal(before.Version, after.Version);
        var retried = await ledger.Gateway.SendAsync(Approve(id), CancellationToken.None);
        Assert.Null(retried.Rejection);
        Assert.Equal(AgreementStatus.Running, retried.State!.Status);
        Assert.Equal(before.Version + 1, retried.State.Version);
    }

    private static async Task<AgreementId> RunningAsync(FaultyJournalLedger ledger)
    {
        var id = await ledger.AwaitingApprovalAsync();
        Assert.Equal(AgreementStatus.Running, (await ledger.Gateway.SendAsync(Approve(id), CancellationToken.None)).State!.Status);
        return id;
    }

    /// <summary>Whatever the gateway does within <see cref="CallerWaits"/> — fail, or not answer — it does not acknowledge.</summary>
    private static async Task AssertNotAcknowledgedAsync(FaultyJournalLedger ledger, IAgreementCommand command)
    {
        using var caller = new CancellationTokenSource(CallerWaits);
        var answer = await Record.ExceptionAsync(() => ledger.Gateway.SendAsync(command, caller.Token));
        Assert.NotNull(answer);
    }

    private static async Task AssertBookedOnceWhenSentAgainAsync(FaultyJournalLedger ledger, AgreementId id, AgreementState before)
    {
        var after = (await ledger.Gateway.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(before.Version, after.Version);
        Assert.False(after.Reports.TryGetValue("r-1", out _));
        Assert.Empty(after.Books);

        var retried = await ledger.Gateway.SendAsync(Book(id, "r-1", "100.00"), CancellationToken.None);
        Assert.Equal(ReportStatus.Booked, Assert.Single(retried.Outcomes).Status);
        var booked = (await ledger.Gateway.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(before.Version + 1, booked.Version);
        Assert.Equal(100.00m, booked.Books[Enterprise].Figures.Single().Amount);
    }
}
