using System.Collections.Immutable;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// What <see cref="LedgerVerifier"/> found: the size of the journal it replayed (agreements, events,
/// current figures, booked entries), where the read side stands in it (its journal position, and the
/// events after it that the service projects at its next start), how much of it the SM3 chains cover,
/// and each invariant's result.
/// </summary>
public sealed record VerificationReport(
    long Agreements,
    long Events,
    long Figures,
    long Entries,
    long ReadPosition,
    long EventsAfterReadPosition,
    ImmutableArray<InvariantCheck> Checks)
{
    /// <summary>Agreement events stored in the SM3 chain (<c>sealed-event.v1</c>).</summary>
    public long SealedEvents { get; init; }

    /// <summary>Agreement events stored before their agreement's chain began (by a release without it): not sealed.</summary>
    public long EventsBeforeTheChain { get; init; }

    /// <summary>Approved month reviews carrying a seal.</summary>
    public long Seals { get; init; }

    public bool Passed => Checks.All(c => c.Passed);
}
