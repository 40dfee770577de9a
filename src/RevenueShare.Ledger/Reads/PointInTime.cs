using NodaTime;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// A report asked for as the ledger answered it at <see cref="Instant"/> (docs/interfaces.md,
/// point-in-time reads): its sums come from the rows booked at or before it, since the month totals
/// hold only the present, and each row is totalled under its enterprise's registered district, which
/// the agreements' headers hold (<see cref="Agreements"/>: fixed once an agreement leaves Draft, so
/// today's headers name the districts of every row ever booked).
/// </summary>
internal sealed record PointInTime(Instant Instant, IReadOnlyList<AgreementState> Agreements)
{
    public static async Task<PointInTime> AtAsync(ReadSnapshot snapshot, Instant instant, CancellationToken cancellationToken) =>
        new(instant, await snapshot.AgreementsAsync(null, cancellationToken));
}
