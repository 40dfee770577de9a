using System.Collections.Immutable;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// An enterprise an agreement covers. <see cref="RegisteredDistrict"/> is a party: where its tax is
/// collected and its statistics are filed. <see cref="Baselines"/> maps an indicator to an annual
/// amount above which sharing starts (增量分成).
/// </summary>
public sealed record CoveredEnterprise(
    CreditCode Id,
    string Name,
    DistrictCode RegisteredDistrict,
    ImmutableDictionary<Indicator, decimal> Baselines,
    EnterpriseCap? Cap);
