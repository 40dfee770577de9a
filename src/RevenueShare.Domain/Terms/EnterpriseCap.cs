using System.Collections.Immutable;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// A lifetime cap on what may be transferred away from the registered district for one enterprise,
/// summed over a set of indicators (e.g. the Beijing–Tianjin–Hebei rule over vat + cit).
/// <see cref="Derived"/> says the amount is the sum of the enterprise's history: 0 until certified,
/// the certified sum after.
/// </summary>
public sealed record EnterpriseCap(ImmutableArray<Indicator> Indicators, decimal Amount, Derivation? Derived = null);
