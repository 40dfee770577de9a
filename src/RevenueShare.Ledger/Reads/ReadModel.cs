using System.Collections.Concurrent;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The read side's front door: every read opens a <see cref="ReadSnapshot"/> here for everything one
/// answer reads, after the <see cref="ReadBarrier"/>, so a read issued after an acknowledged write
/// reflects it. Keeps the agreement headers read so far across snapshots (a header is the same for the
/// same agreement and version).
/// </summary>
public sealed class ReadModel
{
    private readonly ReadDatabase database;
    private readonly ReadBarrier barrier;
    private readonly ReferenceData reference;
    private readonly ConcurrentDictionary<AgreementId, AgreementState> headers = new();

    public ReadModel(ReadDatabase database, ReadBarrier barrier, ReferenceData reference)
    {
        this.database = database;
        this.barrier = barrier;
        this.reference = reference;
    }

    /// <summary>The read tables as of now, once every write acknowledged so far is in them; the caller disposes it when its answer is read.</summary>
    public Task<ReadSnapshot> SnapshotAsync(CancellationToken cancellationToken) => ReadSnapshot.OpenAsync(database, barrier, reference, headers, cancellationToken);
}
