using RevenueShare.Domain.Allocation;

namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// A factor report as the API answers it: each party's factors (yuan, 2 decimals), whether it is the
/// current revision of its enterprise and year, and the ratios it sets for the year after under each
/// formula term (percents of the parties, head office included).
/// </summary>
public sealed record FactorReportView(
    string ReportId,
    string Enterprise,
    int Year,
    int Revision,
    bool Current,
    IReadOnlyDictionary<string, FactorsView> Factors,
    IReadOnlyList<FormulaRatiosView> Ratios);

/// <summary>A party's operating revenue, payroll and assets of a year, or a formula term's weights.</summary>
public sealed record FactorsView(string OperatingRevenue, string Payroll, string Assets)
{
    /// <summary>Factors in yuan at <paramref name="scale"/>.</summary>
    public static FactorsView Amounts(ApportionmentFactors factors, int scale) =>
        new(Domain.Reference.Amounts.Format(factors.OperatingRevenue, scale), Domain.Reference.Amounts.Format(factors.Payroll, scale), Domain.Reference.Amounts.Format(factors.Assets, scale));

    /// <summary>Weights as percents, without trailing zeros.</summary>
    public static FactorsView Percents(ApportionmentFactors weights) =>
        new(Domain.Reference.Amounts.FormatPercent(weights.OperatingRevenue), Domain.Reference.Amounts.FormatPercent(weights.Payroll), Domain.Reference.Amounts.FormatPercent(weights.Assets));
}

/// <summary>The ratios a year's factors set for the year after under one formula term.</summary>
public sealed record FormulaRatiosView(IReadOnlyList<string> Indicators, int Year, IReadOnlyDictionary<string, string> Ratios);
