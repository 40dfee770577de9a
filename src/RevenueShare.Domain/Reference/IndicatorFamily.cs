namespace RevenueShare.Domain.Reference;

/// <summary>Which office reports and reviews an indicator (PRODUCT.md §2, §3).</summary>
public enum IndicatorFamily
{
    Tax,
    Statistics,
}
