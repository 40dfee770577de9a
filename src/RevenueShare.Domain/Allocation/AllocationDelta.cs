using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Allocation;

// Placeholder until the engine branch lands.
public static class AllocationDelta
{
    public static IReadOnlyList<AllocationChange> Between(IEnumerable<AllocationLine> before, IEnumerable<AllocationLine> after, ReferenceData reference) => throw new NotImplementedException();
}
