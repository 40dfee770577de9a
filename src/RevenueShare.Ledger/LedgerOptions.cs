namespace RevenueShare.Ledger;

/// <summary>How the ledger bounds its memory and its read side's lag (docs/operations.md).</summary>
public sealed record LedgerOptions
{
    /// <summary>An agreement that received nothing for this long leaves memory; the next message recovers it from its snapshot.</summary>
    public TimeSpan PassivateAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How far the read side may fall behind acknowledged writes: a figure batch that cannot be
    /// admitted within this time (<see cref="ProjectionBacklog"/>), or arrives while the read side is
    /// behind by more, is refused (429, retry later), so a read never waits longer than this for
    /// ingest alone.
    /// </summary>
    public TimeSpan ReadLagBound { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many figure reports may be admitted and not yet readable; a batch that would pass it waits
    /// for the projection. The lag a read waits for is about this divided by the projection's rate.
    /// </summary>
    public int ProjectionBacklog { get; init; } = 6000;

    public static LedgerOptions Default { get; } = new();
}
