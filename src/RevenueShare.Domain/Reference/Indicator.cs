namespace RevenueShare.Domain.Reference;

/// <summary>
/// One indicator of the catalogue. <see cref="Scale"/> is the number of digits after the decimal point
/// an amount may carry; <see cref="Order"/> is its place in the canonical order (docs/allocation.md,
/// Canonical order).
/// </summary>
/// <remarks>
/// The domain's records carry this entry itself, resolved once from its code at the boundary (a
/// document reader, a wire decoder, a read row), so nothing inside looks an indicator up again. Equal
/// and hashed by <see cref="Code"/> alone: a catalogue holds one entry per code, so comparing the
/// other members would say nothing more, and figures, lines and carries key dictionaries by indicator
/// on the hot path, where hashing one string is cheaper than hashing six members. Printed as its code,
/// as messages and keys always showed it.
/// </remarks>
public sealed record Indicator(string Code, string Name, IndicatorFamily Family, string Unit, int Scale, int Order)
{
    public bool Equals(Indicator? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    public override string ToString() => Code;
}
