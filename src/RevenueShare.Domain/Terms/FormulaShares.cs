using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// What a formula term fixes (docs/allocation.md, Formula shares): the head office's party and the
/// percent it keeps, and the weights of the three factors the rest follows (percents summing to 100).
/// </summary>
public sealed record FormulaShares(DistrictCode Hq, decimal HqPercent, ApportionmentFactors Weights);
