using System.Collections.Immutable;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// The validated content of an agreement (docs/agreements.md). Only
/// <see cref="Documents.AgreementDocumentReader"/> builds one from outside input, so a value of this type has
/// passed every rule.
/// </summary>
public sealed record AgreementTerms(
    string Title,
    AgreementModel Model,
    ImmutableArray<Party> Parties,
    EffectivePeriod Effective,
    ImmutableArray<CoveredEnterprise> Enterprises,
    ImmutableArray<SharingTerm> Terms)
{
    /// <summary>The term covering <paramref name="indicator"/>, if any.</summary>
    public SharingTerm? TermFor(Indicator indicator)
    {
        foreach (var term in Terms)
        {
            if (term.Indicators.Contains(indicator))
            {
                return term;
            }
        }

        return null;
    }

    public bool IsParty(DistrictCode district) => Parties.Any(p => p.District == district);
}
