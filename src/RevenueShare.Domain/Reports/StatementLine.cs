using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// One indicator of a district's statement, at the indicator's scale and in its unit (yuan or 万元;
/// nothing is summed across indicators). <see cref="Registered"/>: figures of enterprises registered
/// in the district; <see cref="TransferredOut"/>: the parts of those allocated to other districts;
/// <see cref="Received"/>: the parts allocated to the district from enterprises registered elsewhere.
/// <see cref="DoubleCount"/>, the 全额双核算 credits the district received, is shown apart and is
/// not in <see cref="Net"/>.
/// </summary>
public sealed record StatementLine(Indicator Indicator, decimal Registered, decimal TransferredOut, decimal Received, decimal DoubleCount)
{
    /// <summary>What is attributable to the district (docs/statement.md).</summary>
    public decimal Net => Registered - TransferredOut + Received;
}
