using Microsoft.Data.Sqlite;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.EndToEnd.Harness;

namespace RevenueShare.Server.Tests.Cli;

/// <summary>
/// <c>revshare verify</c> on a store made from the golden journal, stored before the SM3 chain or sealed:
/// every invariant holds; an allocation row changed in the read database behind the projection's back,
/// a figure changed in the journal, or an event deleted from it, is found, named and fails the command.
/// </summary>
public sealed class VerifyCommandTests
{
    [Theory]
    [InlineData(false, "SM3 chains: 0 events sealed, 162 stored before the chain began (not sealed), 0 month seals.", 0)]
    [InlineData(true, "SM3 chains: 162 events sealed, 0 stored before the chain began (not sealed), 16 month seals.", 16)]
    public async Task Every_invariant_holds_on_the_golden_store_and_the_report_says_what_was_replayed(bool sealedJournal, string chains, int seals)
    {
        using var store = await GoldenStore.CopyAsync(sealedJournal);

        var (code, stdout, stderr) = await Revshare.RunAsync("verify", "--data", store.Path);

        Assert.True(code == ExitCodes.Ok, stdout + stderr);
        Assert.Equal(
            [
                GoldenStore.Size,
                chains,
                "The read side stands at journal position 178; 0 agreement events after it are projected at the service's next start.",
                "OK      every agreement's journal replays (8 checked)",
                "OK      parts sum to figures, for every figure (240 checked)",
                "OK      allocated = reported per agreement, month and indicator (180 checked)",
                "OK      booked lines = the allocation engine's, for every enterprise (8 checked)",
                "OK      every agreement's SM3 chain is unbroken (8 checked)",
                $"OK      every month seal = its chain head at the approval ({seals} checked)",
                "OK      settlement net positions sum to zero, per year (1 checked)",
                "OK      netted transfers settle every position, per year (10 checked)",
                "OK      read tables = a fresh projection of the journal, table by table (1,987 checked)",
                "verify: OK, 9 invariants hold",
            ],
            stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// A store written before the chain, opened by today's code: its events stay as they were, and the
    /// next one (capped-jjj's March approved again by tax, after its reopening) is sealed, linked to zero.
    /// </summary>
    [Fact]
    public async Task A_store_from_before_the_chain_goes_on_sealed_from_where_it_stands()
    {
        using var store = await GoldenStore.CopyAsync();
        await using (var ledger = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(store.Path)))
        {
            await ledger.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, "/api/agreements/GZ-2026-0002/months/2025-03/reviews", LedgerUnderTest.Tax, new { decision = "approve" });
        }

        var (code, stdout, stderr) = await Revshare.RunAsync("verify", "--data", store.Path);

        Assert.True(code == ExitCodes.Ok, stdout + stderr);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("SM3 chains: 1 events sealed, 162 stored before the chain began (not sealed), 1 month seals.", lines);
        Assert.Contains("OK      every agreement's SM3 chain is unbroken (8 checked)", lines);
        Assert.Contains("OK      every month seal = its chain head at the approval (1 checked)", lines);
        Assert.Contains("verify: OK, 9 invariants hold", lines);
    }

    [Fact]
    public async Task An_allocation_row_updated_in_the_read_database_fails_the_read_tables_and_nothing_else()
    {
        using var store = await GoldenStore.CopyAsync();
        await ExecuteAsync(Path.Combine(store.Path, "read.db"), "UPDATE allocation_entries SET amount_units = amount_units + 1 WHERE rowid = (SELECT MIN(rowid) FROM allocation_entries)");

        var (code, stdout, _) = await Revshare.RunAsync("verify", "--data", store.Path);

        Assert.Equal(ExitCodes.Failed, code);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("FAILED  read tables = a fresh projection of the journal, table by table (1,988 checked, 2 failed)", lines);
        Assert.Contains(lines, l => l.StartsWith("        allocation_entries: (agreement=GZ-2026-0005, seq_nr=6, idx=0,", StringComparison.Ordinal) && l.Contains("amount_units=5666704,", StringComparison.Ordinal) && l.EndsWith("is 1 time(s) in the stored table, 0 in a fresh projection", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("amount_units=5666703,", StringComparison.Ordinal) && l.EndsWith("is 0 time(s) in the stored table, 1 in a fresh projection", StringComparison.Ordinal));
        Assert.Equal(8, lines.Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
        Assert.Contains("verify: FAILED, 1 of 9 invariants do not hold", lines);
    }

    /// <summary>
    /// One byte of the journal (a digit of a figure) changed: before the chain only the domain's
    /// arithmetic finds it; in a sealed journal the chain names the event even where the arithmetic
    /// could not (a change that keeps the sums, such as a reason's text).
    /// </summary>
    [Theory]
    [InlineData(false, "figures-booked.v2")]
    [InlineData(true, "sealed-event.v1")]
    public async Task A_figure_changed_in_the_journal_fails_the_domain_invariants_naming_the_figure(bool sealedJournal, string manifest)
    {
        using var store = await GoldenStore.CopyAsync(sealedJournal);

        // The first report of the golden journal's first booking (agreement GZ-2026-0005, event 6), 0.10 more.
        await ExecuteAsync(
            Path.Combine(store.Path, "journal.db"),
            $"UPDATE journal SET message = CAST(replace(CAST(message AS TEXT), '\"tax-2025-01-0001\",\"91440111MA59RG6D13\",\"vat\",\"2025-01\",170018.09,1]', '\"tax-2025-01-0001\",\"91440111MA59RG6D13\",\"vat\",\"2025-01\",170018.19,1]') AS BLOB) WHERE manifest = '{manifest}' AND persistence_id = 'agreement-GZ-2026-0005' AND sequence_number = 6");

        var (code, stdout, _) = await Revshare.RunAsync("verify", "--data", store.Path);

        Assert.Equal(ExitCodes.Failed, code);
        var text = stdout.ReplaceLineEndings("\n");
        Assert.Contains("FAILED  parts sum to figures, for every figure (240 checked, 1 failed)\n        GZ-2026-0005 91440111MA59RG6D13 vat 2025-01: the parts sum to 170018.09, the figure (tax-2025-01-0001) is 170018.19\n", text, StringComparison.Ordinal);
        Assert.Contains("FAILED  allocated = reported per agreement, month and indicator (180 checked, 1 failed)\n        GZ-2026-0005 vat 2025-01: entries allocate 248488.96, figures report 248489.06\n", text, StringComparison.Ordinal);
        Assert.Contains("OK      every agreement's journal replays (8 checked)", text, StringComparison.Ordinal);
        Assert.Contains(
            sealedJournal
                ? "FAILED  every agreement's SM3 chain is unbroken (8 checked, 1 failed)\n        agreement-GZ-2026-0005: event 6: its content does not match its digest\n"
                : "OK      every agreement's SM3 chain is unbroken (8 checked)\n",
            text,
            StringComparison.Ordinal);
    }

    /// <summary>A reopening's reason (封顶额度复核 → 尃顶额度复核): no sum changes, the chain names the event.</summary>
    [Fact]
    public async Task A_reason_changed_in_a_sealed_journal_is_named_by_the_chain()
    {
        using var store = await GoldenStore.CopyAsync(sealedJournal: true);
        await ExecuteAsync(
            Path.Combine(store.Path, "journal.db"),
            "UPDATE journal SET message = CAST(replace(CAST(message AS TEXT), '\\u5C01\\u9876', '\\u5C03\\u9876') AS BLOB) WHERE persistence_id = 'agreement-GZ-2026-0002' AND sequence_number = 19");

        var (code, stdout, _) = await Revshare.RunAsync("verify", "--data", store.Path);

        Assert.Equal(ExitCodes.Failed, code);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("FAILED  every agreement's SM3 chain is unbroken (8 checked, 1 failed)", lines);
        Assert.Contains("        agreement-GZ-2026-0002: event 19: its content does not match its digest", lines);
        Assert.Contains("OK      parts sum to figures, for every figure (240 checked)", lines);
    }

    [Fact]
    public async Task An_event_deleted_from_a_sealed_journal_is_named_as_missing()
    {
        using var store = await GoldenStore.CopyAsync(sealedJournal: true);
        await ExecuteAsync(Path.Combine(store.Path, "journal.db"), "DELETE FROM journal WHERE persistence_id = 'agreement-GZ-2026-0005' AND sequence_number = 7");

        var (code, stdout, _) = await Revshare.RunAsync("verify", "--data", store.Path);

        Assert.Equal(ExitCodes.Failed, code);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("FAILED  every agreement's SM3 chain is unbroken (8 checked, 1 failed)", lines);
        Assert.Contains("        agreement-GZ-2026-0005: event 7 is missing (the journal goes from event 6 to 8)", lines);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
