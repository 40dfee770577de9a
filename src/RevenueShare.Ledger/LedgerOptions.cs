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
    /// How many figure reports may be admitted and not yet readable while nobody reads; a batch that
    /// would pass it waits for the projection. A bulk import goes through the pipeline at the
    /// projection's pace with this much in it.
    /// </summary>
    public int ProjectionBacklog { get; init; } = 8000;

    /// <summary>
    /// The same bound while offices are reading (a read within the last <see cref="ReadLagBound"/>):
    /// a read waits for the backlog to be projected, about this divided by the projection's rate, so
    /// ingest gives way to it.
    /// </summary>
    public int ReadingBacklog { get; init; } = 4000;

    /// <summary>This node's place in a cluster of ledger processes; none (the default) runs the ledger in this process alone.</summary>
    public Cluster.LedgerCluster? Cluster { get; init; }

    public static LedgerOptions Default { get; } = new();
}
