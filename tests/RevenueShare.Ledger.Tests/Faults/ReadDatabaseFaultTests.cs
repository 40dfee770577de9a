using Microsoft.Data.Sqlite;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.Storage;
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

    /// <summary>
    /// The read database full — held at the size it had (<see cref="StoreOptions.ReadSideMaxBytes"/>,
    /// SQLite's "database or disk is full" to the projection): restatements are still acknowledged
    /// while the read side stands still, and once it has room again (started without the bound) they
    /// are all read.
    /// </summary>
    [Fact]
    public async Task Bookings_made_while_the_read_database_is_full_are_acknowledged_and_read_once_it_has_room()
    {
        var folder = FaultyJournalLedger.NewFolder();
        var months = Enumerable.Range(1, 5).ToArray();
        try
        {
            await using (var ledger = await StartAsync(testJournal: false, folder: folder))
            {
                var id = await ledger.AwaitingApprovalAsync();
                await ledger.Gateway.SendAsync(Approve(id), CancellationToken.None);
                foreach (var month in months)
                {
                    await BookAsync(ledger, $"r-{month:D2}", month);
                }
            }

            // Held at its size: a batch's rows fit in the free room of the pages it has for a while,
            // so the restatements go on until the projection needs a page more.
            var size = new FileInfo(Path.Combine(folder, StoreOptions.ReadFileName)).Length;
            var restated = new List<string>();
            await using (var ledger = await StartAsync(testJournal: false, folder: folder, readSideMaxBytes: size))
            {
                for (var revision = 2; revision <= 9; revision++)
                {
                    var batch = months.Select(m => Report($"r-{m:D2}-{revision}", $"{revision}{m}0.00", m) with { Revision = revision }).ToArray();
                    var outcomes = await ledger.Gateway.BookAsync(Principal.Tax, batch, CancellationToken.None);
                    Assert.All(outcomes, o => Assert.Equal(ReportStatus.Booked, o.Status));
                    restated.AddRange(batch.Select(r => r.ReportId));
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
                Assert.True(ledger.Lag > TimeSpan.FromSeconds(0.5), $"the read side kept up (lag {ledger.Lag}) with the read database held at {size} bytes");
            }

            await using (var ledger = await StartAsync(testJournal: false, folder: folder))
            {
                Assert.Equal(months.Select(m => $"r-{m:D2}").Concat(restated).Order(StringComparer.Ordinal), await ReportIdsReadAsync(ledger));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
