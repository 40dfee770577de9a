using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// Filters of <c>GET /api/allocations</c>, plus what the caller may see: <see cref="Families"/> the
/// indicator families (tax, statistics) and <see cref="PartyDistrict"/> when the caller is a district
/// (only agreements it is party to).
/// </summary>
public sealed record AllocationQuery(
    AgreementId? Agreement,
    DistrictCode? District,
    string? Indicator,
    YearMonth? From,
    YearMonth? To,
    IReadOnlyCollection<string> Families,
    DistrictCode? PartyDistrict)
{
    /// <summary>Only the entries booked at or before this instant (a point-in-time read); every entry when null.</summary>
    public Instant? AsOf { get; init; }
}
