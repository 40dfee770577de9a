namespace RevenueShare.Domain.Reference;

/// <summary>
/// One indicator of the catalogue. <see cref="Scale"/> is the number of digits after the decimal point
/// an amount may carry; <see cref="Order"/> is its place in the canonical order (docs/allocation.md,
/// Canonical order).
/// </summary>
public sealed record Indicator(string Code, string Name, IndicatorFamily Family, string Unit, int Scale, int Order);
