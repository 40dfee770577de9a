using Akka.Actor;
using Akka.Hosting;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Integration;

/// <summary>
/// What reporters do that races or restarts: one reportId brought for two agreements at once, a
/// resend after a restart, an agreement left idle long enough to leave memory.
/// </summary>
public abstract partial class LedgerOnStoreContract
{
    private static readonly CreditCode OtherEnterprise = CreditCode.Parse("91440115MA5BLE2Y8" + CreditCode.CheckCharacter("91440115MA5BLE2Y8"));

    [Fact]
    public async Task One_batch_bringing_a_new_reportId_for_two_agreements_books_it_once_and_refuses_the_second()
    {
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), LedgerHost.ClockAt("2025-06-01T00:00:00Z"));
        var first = await ApproveAsync(ledger, CapTerms(Enterprise));
        var second = await ApproveAsync(ledger, CapTerms(OtherEnterprise.Value));

        var outcomes = await ledger.Gateway.BookAsync(
            Principal.Tax, [Report("twice", "2025-01", 1.00m), Report("twice", "2025-01", 2.00m) with { Enterprise = OtherEnterprise }], default);

        Assert.Equal([ReportStatus.Booked, ReportStatus.Rejected], outcomes.Select(o => o.Status));
        Assert.Equal(first, outcomes[0].Agreement?.Value);
        Assert.Equal(RejectionCode.ReportIdReused, outcomes[1].Rejection!.Code);
        Assert.Contains(first, outcomes[1].Rejection!.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await Allocations(ledger, first));
        Assert.Empty(await Allocations(ledger, second));
    }

    [Fact]
    public async Task Concurrent_batches_bringing_the_same_new_reportIds_for_two_agreements_book_each_reportId_once()
    {
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), LedgerHost.ClockAt("2025-06-01T00:00:00Z"));
        var first = await ApproveAsync(ledger, CapTerms(Enterprise));
        var second = await ApproveAsync(ledger, CapTerms(OtherEnterprise.Value));
        var reportIds = Enumerable.Range(1, 5).Select(n => $"race-{n}").ToArray();

        // Two streams at once, a batch per reportId and every reportId in both (one ended month each):
        // whichever batch claims a reportId first books it, the other is refused — never both.
        FigureReport Numbered(int n) => Report(reportIds[n], $"2025-{n + 1:00}", 1.00m);
        var one = Enumerable.Range(0, 5).Select(n => ledger.Gateway.BookAsync(Principal.Tax, [Numbered(n)], default));
        var other = Enumerable.Range(0, 5).Select(n => ledger.Gateway.BookAsync(Principal.Tax, [Numbered(n) with { Enterprise = OtherEnterprise }], default));
        var outcomes = (await Task.WhenAll(one.Concat(other))).SelectMany(o => o).ToArray();

        foreach (var reportId in reportIds)
        {
            var booked = outcomes.Where(o => o.ReportId == reportId && o.Status == ReportStatus.Booked).ToArray();
            Assert.Single(booked);
            var refused = Assert.Single(outcomes, o => o.ReportId == reportId && o.Status == ReportStatus.Rejected);
            Assert.Equal(RejectionCode.ReportIdReused, refused.Rejection!.Code);
        }

        var entries = (await Allocations(ledger, first)).Concat(await Allocations(ledger, second));
        Assert.Equal(reportIds.Order(StringComparer.Ordinal), entries.Select(e => e.Cause).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_report_resent_after_a_restart_is_a_duplicate_and_reads_do_not_wait_for_it()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, CapTerms(Enterprise));
            await ApproveAsync(ledger, CapTerms(OtherEnterprise.Value));
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("sent-once", "2025-01", 600.00m)], default);
            Assert.NotEmpty(await Allocations(ledger, id));
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            var resent = Assert.Single(await ledger.Gateway.BookAsync(Principal.Tax, [Report("sent-once", "2025-01", 600.00m)], default));
            Assert.Equal(ReportStatus.Duplicate, resent.Status);

            // The duplicate's answer names a position projected before the restart: the read is answered
            // (it used to wait out ReadBarrier.MaxWait and fail as unavailable).
            Assert.Equal(2, (await Allocations(ledger, id)).Count);
            Assert.Equal(TimeSpan.Zero, ledger.Barrier.Lag);

            var elsewhere = Assert.Single(await ledger.Gateway.BookAsync(Principal.Tax, [Report("sent-once", "2025-01", 600.00m) with { Enterprise = OtherEnterprise }], default));
            Assert.Equal(RejectionCode.ReportIdReused, elsewhere.Rejection?.Code);
        }
    }

    [Fact]
    public async Task An_idle_agreement_leaves_memory_and_answers_the_next_message_with_everything_it_held()
    {
        var options = new LedgerOptions { PassivateAfter = TimeSpan.FromSeconds(1) };
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), LedgerHost.ClockAt("2025-06-01T00:00:00Z"), options);
        var id = await ApproveAsync(ledger, CapTerms(Enterprise));
        await ledger.Gateway.BookAsync(Principal.Tax, [Report("before", "2025-01", 600.00m)], default);
        var region = await ActorRegistry.For(ledger.System).GetAsync<AgreementRegion>();
        Assert.Equal(1, await region.Ask<int>(CountLiveAgreements.Instance));

        for (var waited = 0; await region.Ask<int>(CountLiveAgreements.Instance) > 0; waited += 100)
        {
            Assert.True(waited < 10_000, "the idle agreement was never passivated");
            await Task.Delay(100);
        }

        // Recovered on the next message: it still knows its reports (a duplicate) and books new ones.
        var outcomes = await ledger.Gateway.BookAsync(Principal.Tax, [Report("before", "2025-01", 600.00m), Report("after", "2025-02", 400.00m)], default);
        Assert.Equal([ReportStatus.Duplicate, ReportStatus.Booked], outcomes.Select(o => o.Status));
        Assert.Equal(4, (await Allocations(ledger, id)).Count);
    }

    [Fact]
    public async Task Messages_sent_while_an_agreement_passivates_are_all_answered_in_order()
    {
        // Passivating after 1 ms: the agreement leaves between almost every two messages.
        var options = new LedgerOptions { PassivateAfter = TimeSpan.FromMilliseconds(1) };
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), LedgerHost.ClockAt("2025-06-01T00:00:00Z"), options);
        var id = await ApproveAsync(ledger, CapTerms(Enterprise));
        for (var n = 1; n <= 30; n++)
        {
            var report = Report($"p{n}", $"2025-{((n - 1) % 5) + 1:00}", n, revision: ((n - 1) / 5) + 1);
            Assert.Equal(ReportStatus.Booked, Assert.Single(await ledger.Gateway.BookAsync(Principal.Tax, [report], default)).Status);
            if (n % 3 == 0)
            {
                await Task.Delay(5);
            }
        }

        var state = await ledger.Gateway.GetAsync(AgreementId.Parse(id), default);
        Assert.Equal(30, state!.Reports.Count);
    }
}
