using NodaTime;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// An event's instant as the read tables compare it: nanoseconds since the Unix epoch, a BIGINT on
/// both stores. The text columns (<c>booked_at</c>, <c>at</c>) are written with
/// <see cref="NodaTime.Text.InstantPattern.ExtendedIso"/>, whose fraction has only the digits it needs,
/// so as text "…:00.5Z" sorts before "…:00Z": an instant is never compared as text.
/// </summary>
internal static class BookingInstant
{
    /// <summary>The first and last instants a column can hold (1677-09-21 and 2262-04-11).</summary>
    private static readonly Instant Earliest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MinValue);
    private static readonly Instant Latest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MaxValue);

    /// <summary>The column value of an event's instant; the ledger's clock never leaves the range.</summary>
    public static long Of(Instant at) => (at - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>The value to compare the column with, for any instant a reader asks about: outside the range it is before or after every booking.</summary>
    public static long Bound(Instant asOf) =>
        asOf < Earliest ? long.MinValue : asOf > Latest ? long.MaxValue : Of(asOf);
}
