using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Allocation;

// Placeholder until the engine branch lands.
public static class AllocationEngine
{
    public static IReadOnlyList<AllocationLine> AllocateEnterprise(AgreementRules rules, CoveredEnterprise enterprise, IEnumerable<Figure> figures, ReferenceData reference) => throw new NotImplementedException();

    public static IReadOnlyList<AllocationLine> Allocate(AgreementRules rules, IEnumerable<Figure> figures, ReferenceData reference) => throw new NotImplementedException();
}
