namespace RevenueShare.Domain.Allocation;

/// <summary>The one name each <see cref="AllocationChangeKind"/> has wherever an entry leaves the program: the API, the journal, the read tables.</summary>
public static class AllocationChangeKinds
{
    public const string AllocationName = "allocation";

    public const string AdjustmentName = "adjustment";

    public static string WireName(this AllocationChangeKind kind) => kind == AllocationChangeKind.Allocation ? AllocationName : AdjustmentName;

    public static bool TryParse(string? name, out AllocationChangeKind kind)
    {
        kind = name == AllocationName ? AllocationChangeKind.Allocation : AllocationChangeKind.Adjustment;
        return name is AllocationName or AdjustmentName;
    }
}
