using Microsoft.Data.Sqlite;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Faults;
using RevenueShare.Ledger.Tests.Support;
using RevenueShare.Ledger.Verification;
using static RevenueShare.Ledger.Tests.Faults.FaultyJournalLedger;

namespace RevenueShare.Ledger.Tests.Sealing;

/// <summary>
/// The SM3 chain on the real SQLite journal: an agreement's events from its creation, across a
/// snapshot and a restart, link from <see cref="ChainDigest.Zero"/> without a break, an approved month
/// carries the chain head before it as its seal, and <see cref="JournalChains"/> holds all of it. Then
/// the journal is damaged as an insider with the database file could: one byte of an event changed,
/// an event deleted, an event rewritten with a digest of its own; each time the first broken link is named.
/// </summary>
public sealed class SealedJournalOnSqliteTests : IAsyncLifetime
{
    private readonly string folder = NewFolder();
    private AgreementId id;

    private string JournalFile => Path.Combine(folder, StoreOptions.JournalFileName);

    private string PersistenceId => AgreementActor.PersistenceIdOf(id);

    /// <summary>60 bookings (a snapshot at 50 events), a month approved, a restart, two more bookings.</summary>
    public async Task InitializeAsync()
    {
        await using (var ledger = await StartAsync(testJournal: false, folder: folder))
        {
            id = await ledger.AwaitingApprovalAsync();
            Assert.Null((await ledger.Gateway.SendAsync(Approve(id), default)).Rejection);
            for (var k = 0; k < 60; k++)
            {
                await BookAsync(ledger, month: 1 + (k % 5), revision: 1 + (k / 5));
            }

            var approved = await ledger.Gateway.SendAsync(new ReviewMonth(id, Principal.Tax, new YearMonth(2025, 3), IndicatorFamily.Tax, ReviewDecision.Approve, null), default);
            Assert.Null(approved.Rejection);
        }

        await using (var ledger = await StartAsync(testJournal: false, folder: folder))
        {
            await BookAsync(ledger, month: 1, revision: 13);
            await BookAsync(ledger, month: 2, revision: 13);
        }

        SqliteConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_event_is_sealed_from_the_first_across_a_snapshot_and_a_restart_and_the_approval_is_sealed_with_the_head_before_it()
    {
        var rows = await RowsAsync();
        var head = ChainDigest.Zero;
        foreach (var (sequenceNr, manifest, message) in rows)
        {
            Assert.Equal(SealedEventWire.Manifest, manifest);
            var (previous, digest, inner, payload) = SealedEventWire.Open(message);
            Assert.Equal(head, previous);
            Assert.Equal(EventChain.Link(previous, PersistenceId, sequenceNr, inner, payload), digest);
            if (inner == "month-reviewed.v2")
            {
                Assert.Contains($"\"seal\":\"{previous}\"", System.Text.Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
            }

            head = digest;
        }

        // created, submitted, countersigned, approved, 60 bookings, the month's approval, 2 bookings after the restart
        Assert.Equal(Enumerable.Range(1, 67).Select(n => (long)n), rows.Select(r => r.SequenceNr));
        var chains = await CheckAsync();
        Assert.Equal((67L, 0L, 1L), (chains.SealedEvents, chains.EventsBeforeTheChain, chains.Seals));
        Assert.All(chains.Results(), check => Assert.True(check.Passed, string.Join("; ", check.FirstFailures)));
        Assert.Equal([1L, 1L], chains.Results().Select(c => c.Checked));
    }

    [Fact]
    public async Task One_byte_changed_in_an_event_is_named_as_content_that_does_not_match_its_digest()
    {
        // A digit of the amount in event 10, the sixth booking (January's second revision, 102.00): still a well-formed event, of another amount.
        var message = (await RowsAsync()).Single(r => r.SequenceNr == 10).Message;
        var at = message.AsSpan().IndexOf("102.00"u8);
        Assert.True(at > 0);
        message[at + 2] = (byte)'9';
        await ExecuteAsync("UPDATE journal SET message = $message WHERE persistence_id = $id AND sequence_number = 10", message);

        AssertBroken(await CheckAsync(), $"{PersistenceId}: event 10: its content does not match its digest");
    }

    [Fact]
    public async Task A_deleted_event_is_named_as_missing()
    {
        await ExecuteAsync("DELETE FROM journal WHERE persistence_id = $id AND sequence_number = 30");

        AssertBroken(await CheckAsync(), $"{PersistenceId}: event 30 is missing (the journal goes from event 29 to 31)");
    }

    /// <summary>Event 20 rewritten with another payload and a digest that matches it: the next event no longer links to it.</summary>
    [Fact]
    public async Task An_event_rewritten_with_a_digest_of_its_own_breaks_the_link_after_it()
    {
        var rows = await RowsAsync();
        var (_, _, original) = rows.Single(r => r.SequenceNr == 20);
        var (previous, _, manifest, payload) = SealedEventWire.Open(original);
        payload[^1] ^= 1;
        var forged = new SealedEvent(new AgreementApproved(id, null, Instant.MinValue, Principal.Finance), manifest, payload, previous, EventChain.Link(previous, PersistenceId, 20, manifest, payload));
        await ExecuteAsync("UPDATE journal SET message = $message WHERE persistence_id = $id AND sequence_number = 20", SealedEventWire.Write(forged));

        var (previousOf21, _, _, _) = SealedEventWire.Open(rows.Single(r => r.SequenceNr == 21).Message);
        AssertBroken(await CheckAsync(), $"{PersistenceId}: event 21 links to {previousOf21}, but the digest before it is {forged.Digest}");
    }

    private static void AssertBroken(JournalChains chains, string failure)
    {
        var chain = chains.Results().First();
        Assert.Equal(("every agreement's SM3 chain is unbroken", 1L, 1L), (chain.Name, chain.Checked, chain.Failures));
        Assert.Equal(failure, Assert.Single(chain.FirstFailures));
    }

    private Task<JournalChains> CheckAsync() => JournalChains.CheckAsync(JournalFile, RepositoryFiles.Reference, default);

    private async Task BookAsync(FaultyJournalLedger ledger, int month, int revision)
    {
        var report = new FigureReport($"r-{month}-{revision}", Enterprise, RepositoryFiles.Indicator("vat"), new YearMonth(2025, month), 100.00m + revision, revision);
        var reply = await ledger.Gateway.SendAsync(new BookFigures(id, Principal.Tax, [report]), default);
        Assert.Equal(ReportStatus.Booked, Assert.Single(reply.Outcomes).Status);
    }

    private async Task<List<(long SequenceNr, string Manifest, byte[] Message)>> RowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={JournalFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence_number, manifest, message FROM journal WHERE persistence_id = $id ORDER BY sequence_number";
        command.Parameters.AddWithValue("$id", PersistenceId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, byte[])>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql, byte[]? message = null)
    {
        await using var connection = new SqliteConnection($"Data Source={JournalFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", PersistenceId);
        if (message is not null)
        {
            command.Parameters.AddWithValue("$message", message);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        SqliteConnection.ClearAllPools();
    }
}
