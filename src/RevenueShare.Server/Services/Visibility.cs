using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Services;

/// <summary>
/// Need to know (docs/users-and-rights.md): a district sees only agreements it is party to;
/// <c>statistics</c> never sees tax indicators and <c>tax</c> never sees statistical ones;
/// <c>finance</c> sees everything.
/// </summary>
public static class Visibility
{
    public static bool CanSee(Principal caller, AgreementState agreement) =>
        caller.Kind != PrincipalKind.District || agreement.Terms.IsParty(caller.District!.Value);

    /// <summary>The indicator families whose figures, allocations and reviews the caller may see.</summary>
    public static IReadOnlyList<IndicatorFamily> FamiliesOf(Principal caller) => caller.Kind switch
    {
        PrincipalKind.Tax => [IndicatorFamily.Tax],
        PrincipalKind.Statistics => [IndicatorFamily.Statistics],
        _ => [IndicatorFamily.Tax, IndicatorFamily.Statistics],
    };

    public static bool CanSee(Principal caller, Indicator indicator) =>
        FamiliesOf(caller).Contains(indicator.Family);
}
