namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Writes the read rows one table (or a table and its totals) takes from the journal, inside the
/// batch's <see cref="ProjectionTransaction"/>: each event as <see cref="ReadModelWriter"/> hands it
/// on, then whatever it still holds at the end of the batch, before the offset and the commit.
/// </summary>
internal interface IReadProjector
{
    /// <summary>Projects one event not projected before (the writer skips those that were).</summary>
    Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken);

    /// <summary>Sends what is still held of the batch.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
