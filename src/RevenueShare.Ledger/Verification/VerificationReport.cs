using System.Collections.Immutable;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// What <see cref="LedgerVerifier"/> found: the size of the journal it replayed (agreements, events,
/// current figures, booked entries), where the read side stands in it (its journal position, and the
/// events after it that the service projects at its next start), and each invariant's result.
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
    public bool Passed => Checks.All(c => c.Passed);
}
