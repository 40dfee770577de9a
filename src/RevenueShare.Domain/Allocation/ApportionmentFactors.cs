namespace RevenueShare.Domain.Allocation;

/// <summary>
/// The three factors of the consolidated corporate income tax apportionment (docs/allocation.md,
/// Formula shares), in their fixed order: operating revenue, payroll, assets. Used both for one
/// party's factors of a year (yuan, at most 2 decimals, ≥ 0) and for the term's weights (percents,
/// at most 2 decimals, summing to 100).
/// </summary>
public readonly record struct ApportionmentFactors(decimal OperatingRevenue, decimal Payroll, decimal Assets)
{
    public const int Count = 3;

    /// <summary>The factors' member names on the wire, in the fixed order.</summary>
    public static readonly IReadOnlyList<string> Names = ["operatingRevenue", "payroll", "assets"];

    /// <summary>The factor at <paramref name="index"/> in the fixed order.</summary>
    public decimal this[int index] => index switch
    {
        0 => OperatingRevenue,
        1 => Payroll,
        2 => Assets,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "There are three factors."),
    };
}
