namespace RevenueShare.Domain.Terms;

/// <summary>
/// <c>origin</c>: the HQ/R&amp;D or incubating district; <c>host</c>: the manufacturing or
/// industrialising district.
/// </summary>
public enum PartyRole
{
    Origin,
    Host,
}
