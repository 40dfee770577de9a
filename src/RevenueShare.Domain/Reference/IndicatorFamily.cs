namespace RevenueShare.Domain.Reference;

/// <summary>Which office reports and reviews an indicator (docs/users-and-rights.md, docs/reference-data.md).</summary>
public enum IndicatorFamily
{
    Tax,
    Statistics,
}
