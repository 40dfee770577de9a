using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// What <see cref="From"/>, the registered district that collected the tax, owes <see cref="To"/> for
/// one tax indicator over a settlement's year, at the indicator's scale.
/// </summary>
public sealed record TaxObligation(Indicator Indicator, DistrictCode From, DistrictCode To, decimal Amount);
