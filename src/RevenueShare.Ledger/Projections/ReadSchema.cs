using System.Data.Common;
using System.Globalization;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The read tables, projected from the journal and rebuildable from it at any time. Amounts are
/// integers in units of the indicator's scale (fen for tax, 0.1 万元 for statistics) so sums in SQL
/// are exact on both stores. <see cref="Version"/> names the shape of the tables: a read database of
/// another version (or of none: written before versions were kept) has its projected tables dropped
/// and re-projected from the journal, from offset 0 (docs/decisions.md, "Storage and reads").
/// </summary>
public static class ReadSchema
{
    /// <summary>
    /// 2: <c>allocation_totals</c> and <c>figure_totals</c>, the month totals behind the offices' reports.
    /// 3: entries without a unique key, no <c>reports</c> table (the audit trail lists each booking's reportIds).
    /// 4: the read side owns its rows: agreement headers in columns and JSON of their own (no snapshot
    /// JSON), <c>report_ids</c> (reportId → agreement) and <c>review_history</c> (every review decision),
    /// so nothing reads the audit trail's detail.
    /// 5: the audit trail's detail escaped as the API answers it, which embeds it without parsing it.
    /// 6: point-in-time reads: entries and figures carry <c>booked_ns</c>, the revisions a restatement
    /// replaced are kept (<c>replaced_figures</c>) and the header after every lifecycle event
    /// (<c>agreement_history</c>), each with the instant it was booked (<see cref="BookingInstant"/>).
    /// 7: an agreement's projected version in a narrow row of its own (<c>agreement_versions</c>); its
    /// header row changes only with a lifecycle event, so a booking no longer rewrites the terms.
    /// </summary>
    public const long Version = 7;

    /// <summary>
    /// Every table the projection writes, and those it wrote in earlier versions (dropped on a rebuild);
    /// the tokens' table is not one: it is not rebuilt.
    /// </summary>
    public static IReadOnlyList<string> ProjectedTables { get; } =
    [
        "projection_offsets", "agreements", "agreement_parties", "audit_events", "allocation_entries",
        "figures", "reports", "reviews", "allocation_totals", "figure_totals", "report_ids", "review_history",
        "replaced_figures", "agreement_history", "agreement_versions",
    ];

    /// <summary>
    /// Creates the read tables; drops the projected ones first when they were written by another
    /// version, so the projection starts again from the beginning of the journal. One transaction.
    /// </summary>
    public static async Task EnsureAsync(ReadDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        async Task<object?> Run(string sql, bool scalar = false)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return scalar ? await command.ExecuteScalarAsync(cancellationToken) : await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await Run("CREATE TABLE IF NOT EXISTS read_schema (name TEXT PRIMARY KEY, version BIGINT NOT NULL)");
        if (await StoredVersionAsync(connection, transaction, cancellationToken) != Version)
        {
            foreach (var table in ProjectedTables)
            {
                await Run($"DROP TABLE IF EXISTS {table}");
            }
        }

        foreach (var statement in Statements)
        {
            await Run(statement);
        }

        await Run($"INSERT INTO read_schema (name, version) VALUES ('read', {Version}) ON CONFLICT (name) DO UPDATE SET version = excluded.version");
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The version the read tables were written in; null when none is kept (written before versions were).</summary>
    public static async Task<long?> StoredVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM read_schema WHERE name = 'read'";
        return await command.ExecuteScalarAsync(cancellationToken) is { } stored and not DBNull
            ? Convert.ToInt64(stored, CultureInfo.InvariantCulture)
            : null;
    }

    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS projection_offsets (name TEXT PRIMARY KEY, position BIGINT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS agreements (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, state TEXT NOT NULL, substate TEXT NULL,
            version BIGINT NOT NULL, proposer TEXT NOT NULL, effective_from TEXT NOT NULL, effective_to TEXT NOT NULL,
            suspended_from TEXT NULL, terminated_from TEXT NULL, updated_at TEXT NOT NULL,
            terms TEXT NOT NULL, signatures TEXT NOT NULL, amendments TEXT NOT NULL, pauses TEXT NOT NULL)
        """,

        // A header row above is the agreement after its last lifecycle event (its version is that
        // event's); apart from it, the sequence number of the last event projected, which nearly
        // every batch advances.
        "CREATE TABLE IF NOT EXISTS agreement_versions (id TEXT PRIMARY KEY, version BIGINT NOT NULL, updated_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS agreement_parties (agreement TEXT NOT NULL, district TEXT NOT NULL, PRIMARY KEY (agreement, district))",
        """
        CREATE TABLE IF NOT EXISTS audit_events (
            agreement TEXT NOT NULL, seq_nr BIGINT NOT NULL, at TEXT NOT NULL, by_office TEXT NOT NULL,
            type TEXT NOT NULL, reason TEXT NULL, detail TEXT NOT NULL, PRIMARY KEY (agreement, seq_nr))
        """,
        """
        CREATE TABLE IF NOT EXISTS allocation_entries (
            agreement TEXT NOT NULL, seq_nr BIGINT NOT NULL, idx INTEGER NOT NULL,
            enterprise TEXT NOT NULL, indicator TEXT NOT NULL, family TEXT NOT NULL, month TEXT NOT NULL,
            district TEXT NOT NULL, amount_units BIGINT NOT NULL, kind TEXT NOT NULL, cause TEXT NOT NULL,
            ratio TEXT NOT NULL, base_part TEXT NOT NULL, shared_part TEXT NOT NULL,
            cap_before TEXT NULL, cap_after TEXT NULL, double_count INTEGER NOT NULL,
            booked_at TEXT NOT NULL, booked_by TEXT NOT NULL, booked_ns BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS allocation_entries_by_month ON allocation_entries (month, district)",
        "CREATE INDEX IF NOT EXISTS allocation_entries_by_agreement ON allocation_entries (agreement, month)",
        """
        CREATE TABLE IF NOT EXISTS figures (
            agreement TEXT NOT NULL, enterprise TEXT NOT NULL, indicator TEXT NOT NULL, month TEXT NOT NULL,
            amount_units BIGINT NOT NULL, revision INTEGER NOT NULL, report_id TEXT NOT NULL, booked_ns BIGINT NOT NULL,
            PRIMARY KEY (agreement, enterprise, indicator, month))
        """,

        // The month totals behind reconciliation, statement and settlement, kept by the projection in
        // the transaction that writes the entries and figures they total: a report reads a few
        // thousand totals, never every entry of its months. `registered` is the enterprise's
        // registered district, fixed once an agreement leaves Draft (amendments change terms only).
        // The covering indexes let a range of months be summed from the index alone.
        """
        CREATE TABLE IF NOT EXISTS allocation_totals (
            month TEXT NOT NULL, indicator TEXT NOT NULL, family TEXT NOT NULL, district TEXT NOT NULL,
            registered TEXT NOT NULL, double_count INTEGER NOT NULL, amount_units BIGINT NOT NULL,
            PRIMARY KEY (month, indicator, district, registered, double_count))
        """,
        "CREATE INDEX IF NOT EXISTS allocation_totals_covering ON allocation_totals (month, indicator, district, registered, double_count, amount_units)",
        """
        CREATE TABLE IF NOT EXISTS figure_totals (
            month TEXT NOT NULL, agreement TEXT NOT NULL, indicator TEXT NOT NULL, registered TEXT NOT NULL,
            amount_units BIGINT NOT NULL, figure_count BIGINT NOT NULL,
            PRIMARY KEY (month, agreement, indicator, registered))
        """,
        "CREATE INDEX IF NOT EXISTS figure_totals_covering ON figure_totals (month, agreement, indicator, registered, amount_units, figure_count)",
        """
        CREATE TABLE IF NOT EXISTS reviews (
            agreement TEXT NOT NULL, month TEXT NOT NULL, family TEXT NOT NULL, status TEXT NOT NULL,
            reason TEXT NULL, at TEXT NOT NULL, by_office TEXT NOT NULL, PRIMARY KEY (agreement, month, family))
        """,
        """
        CREATE TABLE IF NOT EXISTS review_history (
            agreement TEXT NOT NULL, month TEXT NOT NULL, family TEXT NOT NULL, seq_nr BIGINT NOT NULL,
            decision TEXT NOT NULL, reason TEXT NULL, at TEXT NOT NULL, by_office TEXT NOT NULL,
            PRIMARY KEY (agreement, month, family, seq_nr))
        """,

        // One row per booked report, on the hot path: no key (an event is projected once), read whole
        // once at start.
        "CREATE TABLE IF NOT EXISTS report_ids (report_id TEXT NOT NULL, agreement TEXT NOT NULL)",

        // What point-in-time reads need that the tables above overwrite: each revision of a figure a
        // restatement replaced (one row per restatement, insert-only, no key), and the header after
        // each lifecycle event (a few rows per agreement).
        """
        CREATE TABLE IF NOT EXISTS replaced_figures (
            agreement TEXT NOT NULL, enterprise TEXT NOT NULL, indicator TEXT NOT NULL, month TEXT NOT NULL,
            revision INTEGER NOT NULL, amount_units BIGINT NOT NULL, booked_ns BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS agreement_history (
            id TEXT NOT NULL, version BIGINT NOT NULL, booked_ns BIGINT NOT NULL, title TEXT NOT NULL, state TEXT NOT NULL,
            substate TEXT NULL, proposer TEXT NOT NULL, effective_from TEXT NOT NULL, effective_to TEXT NOT NULL,
            suspended_from TEXT NULL, terminated_from TEXT NULL, updated_at TEXT NOT NULL,
            terms TEXT NOT NULL, signatures TEXT NOT NULL, amendments TEXT NOT NULL, pauses TEXT NOT NULL,
            PRIMARY KEY (id, version))
        """,
    ];
}
