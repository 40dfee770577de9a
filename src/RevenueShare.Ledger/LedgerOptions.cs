namespace RevenueShare.Ledger;

/// <summary>How the ledger bounds its memory and its read side's lag (docs/operations.md).</summary>
public sealed record LedgerOptions
{
    /// <summary>An agreement that received nothing for this long leaves memory; the next message recovers it from its snapshot.</summary>
    public TimeSpan PassivateAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How far the read side may fall behind acknowledged writes. Figure batches wait while it is
    /// behind by more than half of this, and are refused (429, retry later) when it stays behind by
    /// more than all of it, so a read never waits longer than this for ingest alone.
    /// </summary>
    public TimeSpan ReadLagBound { get; init; } = TimeSpan.FromSeconds(2);

    public static LedgerOptions Default { get; } = new();
}
