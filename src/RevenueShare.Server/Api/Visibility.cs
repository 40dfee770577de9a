using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Api;

/// <summary>
/// Need to know (docs/users-and-rights.md): a district sees only agreements it is party to;
/// <c>statistics</c> never sees tax indicators and <c>tax</c> never sees statistical ones;
/// <c>finance</c> sees everything.
/// </summary>
public static class Visibility
{
    public static bool CanSee(Principal caller, AgreementState agreement) =>
        caller.Kind != PrincipalKind.District || agreement.Terms.IsParty(caller.District!.Value);

    /// <summary>The indicator families whose figures and allocations the caller may see.</summary>
    public static IReadOnlyCollection<string> Families(Principal caller) => caller.Kind switch
    {
        PrincipalKind.Tax => [IndicatorFamily.Tax.WireName()],
        PrincipalKind.Statistics => [IndicatorFamily.Statistics.WireName()],
        _ => [IndicatorFamily.Tax.WireName(), IndicatorFamily.Statistics.WireName()],
    };

    public static bool CanSee(Principal caller, Indicator indicator) =>
        Families(caller).Contains(indicator.Family.WireName());
}
