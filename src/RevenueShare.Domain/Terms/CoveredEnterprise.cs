using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// An enterprise an agreement covers. <see cref="RegisteredDistrict"/> is a party: where its tax is
/// collected and its statistics are filed. <see cref="Baselines"/> maps an indicator to an annual
/// amount above which sharing starts (增量分成); a baseline in <see cref="DerivedBaselines"/> is there
/// only once its history is certified.
/// </summary>
public sealed record CoveredEnterprise(
    CreditCode Id,
    string Name,
    DistrictCode RegisteredDistrict,
    ImmutableDictionary<Indicator, decimal> Baselines,
    EnterpriseCap? Cap)
{
    /// <summary>The baselines derived from the enterprise's history, by indicator (docs/allocation.md, history and derived amounts).</summary>
    public ImmutableDictionary<Indicator, Derivation> DerivedBaselines { get; init; } = ImmutableDictionary<Indicator, Derivation>.Empty;

    /// <summary>
    /// Every amount of this enterprise derived from its history, for an agreement effective from
    /// <paramref name="effectiveFrom"/>: the cap first, then the baselines in catalogue order.
    /// </summary>
    public IReadOnlyList<DerivedAmount> DerivedAmounts(YearMonth effectiveFrom)
    {
        var amounts = new List<DerivedAmount>();
        if (Cap is { Derived: { } capDerivation } cap)
        {
            amounts.Add(new DerivedAmount(null, cap.Indicators, DerivationWindow.Before(effectiveFrom, capDerivation.Years), capDerivation.Certified));
        }

        foreach (var (indicator, derivation) in DerivedBaselines.OrderBy(b => b.Key.Order))
        {
            amounts.Add(new DerivedAmount(indicator, [indicator], DerivationWindow.Before(effectiveFrom, derivation.Years), derivation.Certified));
        }

        return amounts;
    }

    /// <summary>The enterprise with <paramref name="certified"/> as the amounts of its derivations, each marked certified.</summary>
    public CoveredEnterprise WithCertified(IEnumerable<CertifiedAmount> certified)
    {
        ArgumentNullException.ThrowIfNull(certified);
        var next = this;
        foreach (var amount in certified)
        {
            if (amount.Baseline is { } indicator)
            {
                var derivation = next.DerivedBaselines[indicator];
                next = next with
                {
                    Baselines = next.Baselines.SetItem(indicator, amount.Amount),
                    DerivedBaselines = next.DerivedBaselines.SetItem(indicator, derivation with { Certified = true }),
                };
            }
            else
            {
                var cap = next.Cap!;
                next = next with { Cap = cap with { Amount = amount.Amount, Derived = cap.Derived! with { Certified = true } } };
            }
        }

        return next;
    }
}
