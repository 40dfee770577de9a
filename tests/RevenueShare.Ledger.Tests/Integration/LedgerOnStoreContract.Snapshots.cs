using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Integration;

/// <summary>
/// One answer reads one snapshot (docs/decisions.md, One answer, one snapshot): a report's queries
/// never mix projection batches, however many batches are projected while it reads.
/// </summary>
public abstract partial class LedgerOnStoreContract
{
    [Fact]
    public async Task A_snapshot_keeps_reading_the_tables_as_they_stood_at_its_first_read_while_later_batches_are_projected()
    {
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), LedgerHost.ClockAt("2025-06-01T00:00:00Z"));
        var id = await ApproveAsync(ledger, CapTerms(Enterprise));
        await ledger.Gateway.BookAsync(Principal.Tax, [Report("s1", "2025-01", 100.00m)], default);
        YearMonth january = Months.Parse("2025-01"), february = Months.Parse("2025-02");
        var everyEntry = new AllocationQuery(null, null, null, january, february, ["tax"], null);

        await using var earlier = await ledger.Reads.SnapshotAsync(default);
        var figuresEarlier = await earlier.FigureTotalsAsync(january, february, default);
        Assert.Equal(1, figuresEarlier.Sum(f => f.Count));
        var entriesEarlier = (await earlier.AllocationsAsync(everyEntry, default)).Count;
        var trailEarlier = (await earlier.AuditTrailAsync(AgreementId.Parse(id), default)).Count;

        await ledger.Gateway.BookAsync(Principal.Tax, [Report("s2", "2025-02", 50.00m)], default);
        var figuresLater = await ledger.ReadAsync(at => at.FigureTotalsAsync(january, february, default));
        Assert.Equal(2, figuresLater.Sum(f => f.Count));
        Assert.True((await ledger.ReadAsync(at => at.AllocationsAsync(everyEntry, default))).Count > entriesEarlier);
        Assert.Equal(trailEarlier + 1, (await ledger.ReadAsync(at => at.AuditTrailAsync(AgreementId.Parse(id), default))).Count);

        Assert.Equal(figuresEarlier, await earlier.FigureTotalsAsync(january, february, default));
        Assert.Equal(entriesEarlier, (await earlier.AllocationsAsync(everyEntry, default)).Count);
        Assert.Equal(trailEarlier, (await earlier.AuditTrailAsync(AgreementId.Parse(id), default)).Count);
    }
}
