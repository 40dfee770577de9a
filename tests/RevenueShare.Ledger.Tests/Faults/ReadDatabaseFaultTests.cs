using Microsoft.Data.Sqlite;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Reads;
using static RevenueShare.Ledger.Tests.Faults.FaultyJournalLedger;

namespace RevenueShare.Ledger.Tests.Faults;

/// <summary>
/// The read database locked by another writer (a connection holding SQLite's write lock) for longer than
/// the projection's busy timeout, on the real SQLite store: figure batches are still acknowledged — the
/// journal is another file and never waits for the read side — and, once the lock is released, the
/// projection (started again after its failed batch) catches up and the reads answer every one of them.
/// </summary>
public sealed class ReadDatabaseFaultTests
{
    [Fact]
    public async Task Bookings_made_while_the_read_database_is_locked_are_acknowledged_and_read_once_it_is_released()
    {
        await using var ledger = await StartAsync(testJournal: false);
        var id = await ledger.AwaitingApprovalAsync();
        Assert.Equal(AgreementStatus.Running, (await ledger.Gateway.SendAsync(Approve(id), CancellationToken.None)).State!.Status);
        await BookAsync(ledger, "r-01", 1);
        Assert.Equal(["r-01"], await ReportIdsReadAsync(ledger));

        await using (var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ledger.ReadFile, Pooling = false }.ToString()))
        {
            await locker.OpenAsync();
            await using var transaction = locker.BeginTransaction(deferred: false);
            for (var month = 2; month <= 5; month++)
            {
                var answered = System.Diagnostics.Stopwatch.StartNew();
                await BookAsync(ledger, $"r-{month:D2}", month);
                Assert.True(answered.Elapsed < TimeSpan.FromSeconds(5), $"booking month {month} took {answered.Elapsed} with the read side locked");
            }

            // Past the projection's busy timeout (5 s): its batch fails and it starts again from its offset.
            await Task.Delay(TimeSpan.FromSeconds(7));
            await transaction.RollbackAsync();
        }

        Assert.Equal(["r-01", "r-02", "r-03", "r-04", "r-05"], await ReportIdsReadAsync(ledger));
    }

    private static async Task BookAsync(FaultyJournalLedger ledger, string reportId, int month)
    {
        var outcome = Assert.Single(await ledger.Gateway.BookAsync(Principal.Tax, [Report(reportId, "100.00", month)], CancellationToken.None));
        Assert.Equal(ReportStatus.Booked, outcome.Status);
    }

    private static async Task<string[]> ReportIdsReadAsync(FaultyJournalLedger ledger) =>
        [.. (await ledger.ReadAsync(at => at.AllocationsAsync(new AllocationQuery(null, null, null, null, null, ["tax"], null), CancellationToken.None)))
            .Select(e => e.Cause).Distinct().Order(StringComparer.Ordinal)];
}
