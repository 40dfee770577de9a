using System.IO.Hashing;
using System.Runtime.InteropServices;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// The one place a reportId is given to an agreement, across the whole ledger (docs/corrections.md,
/// One reportId, one report): an agreement recognises its own reportIds, but a reporter reusing an id
/// for a figure of another agreement — in the same batch, in a concurrent batch, or after a restart —
/// must be refused too. A batch first claims (<see cref="ClaimAsync"/>) its reportIds (reserving the new ones for
/// their agreements while it is in flight), then <see cref="Settle"/>s them with what was booked.
/// <para>
/// Compact, because it holds every reportId ever booked: a booked reportId is kept as its hash and the
/// ordinal of its agreement in one 64-bit word (<see cref="BookedReportIds"/>, about 16 bytes against
/// about 100 for the string). A hash that
/// points at another agreement is only a suspicion — two reportIds can share a hash — which the caller
/// confirms with that agreement (<see cref="Confirm"/>); a reportId whose hash is taken by a different
/// one is kept whole in an overflow table. In flight, reservations are kept whole.
/// </para>
/// <para>
/// Every call takes one lock, so claims are atomic against each other. The answer depends on the
/// reportId alone, so the registry can be split by hash across machines (issue 12) without changing
/// its callers.
/// </para>
/// </summary>
public sealed class ReportIdRegistry(ReadModel reads) : IReportIdClaims, IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly object gate = new();
    private readonly BookedReportIds booked = new();
    private readonly Dictionary<string, int> overflow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Agreement, long Batch)> inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<AgreementId, int> ordinals = [];
    private readonly List<AgreementId> agreements = [];
    private long batches;
    private bool loaded;

    /// <summary>ReportIds held as booked.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                return booked.Count + overflow.Count;
            }
        }
    }

    /// <summary>
    /// A registry whose batch numbers start after <paramref name="firstBatch"/>: a desk that takes over
    /// in a cluster must not reuse the numbers of batches still being settled with the one before it.
    /// </summary>
    public ReportIdRegistry(ReadModel reads, long firstBatch)
        : this(reads)
    {
        batches = firstBatch;
    }

    /// <summary>
    /// Claims each report's id for the agreement covering it, in order (so within a batch the first
    /// report of an id wins). Answers a batch number for <see cref="Settle"/>, and for each report either
    /// a grant, a refusal naming the agreement that holds the id, or — where only the hash matched — a
    /// suspect naming the agreement to ask (<see cref="Confirm"/>).
    /// </summary>
    public async Task<ReportIdClaims> ClaimAsync(
        IReadOnlyList<(string ReportId, AgreementId Agreement)> reports,
        CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        lock (gate)
        {
            var batch = ++batches;
            var claims = new ReportIdClaim[reports.Count];
            var suspects = new List<int>();
            for (var i = 0; i < reports.Count; i++)
            {
                var (reportId, agreement) = reports[i];
                var ordinal = OrdinalOf(agreement);
                if (Holder(reportId, out var inFlightHolder) is not { } holder)
                {
                    inFlight[reportId] = (ordinal, batch);
                    claims[i] = new ReportIdClaim(reportId, agreement, null, false);
                }
                else if (holder == ordinal)
                {
                    claims[i] = new ReportIdClaim(reportId, agreement, null, false);
                }
                else if (inFlightHolder || overflow.ContainsKey(reportId))
                {
                    claims[i] = new ReportIdClaim(reportId, agreement, agreements[holder], inFlightHolder);
                }
                else
                {
                    claims[i] = new ReportIdClaim(reportId, agreement, agreements[holder], false);
                    suspects.Add(i);
                }
            }

            return new ReportIdClaims(batch, [.. claims], [.. suspects]);
        }
    }

    /// <summary>
    /// Settles a suspect of <see cref="ClaimAsync"/> once its hash's agreement has said whether it holds
    /// the reportId: if it does, the claim stays refused; if not, the two ids only share a hash, and the
    /// reportId is reserved for its own agreement (or refused, should another batch have taken it since).
    /// </summary>
    public ReportIdClaim Confirm(long batch, ReportIdClaim suspect, bool heldBySuspect)
    {
        if (heldBySuspect)
        {
            return suspect;
        }

        lock (gate)
        {
            var ordinal = OrdinalOf(suspect.Agreement);
            if (inFlight.TryGetValue(suspect.ReportId, out var reservation))
            {
                return reservation.Agreement == ordinal ? suspect with { HeldBy = null } : suspect with { HeldBy = agreements[reservation.Agreement], InFlight = true };
            }

            if (overflow.TryGetValue(suspect.ReportId, out var exact))
            {
                return exact == ordinal ? suspect with { HeldBy = null } : suspect with { HeldBy = agreements[exact] };
            }

            inFlight[suspect.ReportId] = (ordinal, batch);
            return suspect with { HeldBy = null };
        }
    }

    public Task<ReportIdClaim> ConfirmAsync(long batch, ReportIdClaim suspect, bool heldBySuspect, CancellationToken cancellationToken) =>
        Task.FromResult(Confirm(batch, suspect, heldBySuspect));

    /// <summary>
    /// Holds reportIds another registry reserved for batches that may still be in flight (a desk
    /// taking over in a cluster), as if they were batch <paramref name="batch"/>'s; settled like
    /// any batch, they are kept for their agreements.
    /// </summary>
    public void Hold(long batch, IEnumerable<(string ReportId, AgreementId Agreement)> reservations)
    {
        lock (gate)
        {
            foreach (var (reportId, agreement) in reservations)
            {
                inFlight[reportId] = (OrdinalOf(agreement), batch);
            }
        }
    }

    /// <summary>
    /// Ends a batch: its reservations (among <paramref name="claimed"/>) are released, and the reportIds
    /// it booked — or may have booked, when an agreement did not answer — are kept for good.
    /// </summary>
    public void Settle(long batch, IReadOnlyList<string> claimed, IReadOnlyList<(string ReportId, AgreementId Agreement)> kept)
    {
        lock (gate)
        {
            foreach (var reportId in claimed)
            {
                if (inFlight.TryGetValue(reportId, out var reservation) && reservation.Batch == batch)
                {
                    inFlight.Remove(reportId);
                }
            }

            foreach (var (reportId, agreement) in kept)
            {
                Keep(reportId, OrdinalOf(agreement));
            }
        }
    }

    public void Dispose() => loading.Dispose();

    /// <summary>The ordinal of the agreement holding the reportId (in flight, in the overflow, or by its hash), if any.</summary>
    private int? Holder(string reportId, out bool isInFlight)
    {
        isInFlight = false;
        if (inFlight.TryGetValue(reportId, out var reservation))
        {
            isInFlight = true;
            return reservation.Agreement;
        }

        if (overflow.TryGetValue(reportId, out var exact))
        {
            return exact;
        }

        return booked.TryGetOrdinal(Hash(reportId), out var byHash) ? byHash : null;
    }

    private void Keep(string reportId, int ordinal)
    {
        if (!booked.TryKeep(Hash(reportId), ordinal))
        {
            overflow.TryAdd(reportId, ordinal);
        }
    }

    private int OrdinalOf(AgreementId agreement)
    {
        if (!ordinals.TryGetValue(agreement, out var ordinal))
        {
            ordinal = agreements.Count;
            agreements.Add(agreement);
            ordinals[agreement] = ordinal;
        }

        return ordinal;
    }

    private static ulong Hash(string reportId) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(reportId.AsSpan()));

    /// <summary>
    /// Reads the booked reportIds from the read side once, before the first claim: the projection has
    /// caught up with the journal by then, so everything booked before a restart is in it.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref loaded))
        {
            return;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (loaded)
            {
                return;
            }

            await using var snapshot = await reads.SnapshotAsync(cancellationToken);
            await foreach (var (reportId, agreement) in snapshot.BookedReportIdsAsync(cancellationToken))
            {
                lock (gate)
                {
                    Keep(reportId, OrdinalOf(agreement));
                }
            }

            Volatile.Write(ref loaded, true);
        }
        finally
        {
            loading.Release();
        }
    }
}
