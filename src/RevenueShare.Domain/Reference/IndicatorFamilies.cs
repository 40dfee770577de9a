namespace RevenueShare.Domain.Reference;

/// <summary>
/// The one name each <see cref="IndicatorFamily"/> has wherever it leaves the program: the catalogue,
/// the API, the journal, the read tables, and the id of the office that reports it.
/// </summary>
public static class IndicatorFamilies
{
    public const string TaxName = "tax";

    public const string StatisticsName = "statistics";

    public static string WireName(this IndicatorFamily family) => family == IndicatorFamily.Tax ? TaxName : StatisticsName;

    public static bool TryParse(string? name, out IndicatorFamily family)
    {
        family = name == TaxName ? IndicatorFamily.Tax : IndicatorFamily.Statistics;
        return name is TaxName or StatisticsName;
    }
}
