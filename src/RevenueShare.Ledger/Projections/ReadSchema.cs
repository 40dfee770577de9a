namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The read tables, projected from the journal and rebuildable from it at any time. Amounts are
/// integers in units of the indicator's scale (fen for tax, 0.1 万元 for statistics) so sums in SQL
/// are exact on both stores.
/// </summary>
public static class ReadSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS projection_offsets (name TEXT PRIMARY KEY, position BIGINT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS agreements (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, state TEXT NOT NULL, substate TEXT NULL,
            version BIGINT NOT NULL, proposer TEXT NOT NULL, effective_from TEXT NOT NULL, effective_to TEXT NOT NULL,
            updated_at TEXT NOT NULL, header TEXT NOT NULL)
        """,
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
            booked_at TEXT NOT NULL, booked_by TEXT NOT NULL,
            PRIMARY KEY (agreement, seq_nr, idx))
        """,
        "CREATE INDEX IF NOT EXISTS allocation_entries_by_month ON allocation_entries (month, district)",
        "CREATE INDEX IF NOT EXISTS allocation_entries_by_agreement ON allocation_entries (agreement, month)",
        """
        CREATE TABLE IF NOT EXISTS figures (
            agreement TEXT NOT NULL, enterprise TEXT NOT NULL, indicator TEXT NOT NULL, month TEXT NOT NULL,
            amount_units BIGINT NOT NULL, revision INTEGER NOT NULL, report_id TEXT NOT NULL,
            PRIMARY KEY (agreement, enterprise, indicator, month))
        """,
        "CREATE TABLE IF NOT EXISTS reports (report_id TEXT PRIMARY KEY, agreement TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS reviews (
            agreement TEXT NOT NULL, month TEXT NOT NULL, family TEXT NOT NULL, status TEXT NOT NULL,
            reason TEXT NULL, at TEXT NOT NULL, by_office TEXT NOT NULL, PRIMARY KEY (agreement, month, family))
        """,
    ];
}
