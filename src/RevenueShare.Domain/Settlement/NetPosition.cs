using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Settlement;

/// <summary>
/// A district's net position at settlement: what it receives (positive, a subsidy down, 补助) or pays
/// (negative, a remittance up, 上解).
/// </summary>
public sealed record NetPosition(DistrictCode District, decimal Net)
{
    public const string Remittance = "上解";
    public const string Subsidy = "补助";
    public const string None = "none";

    public string Kind => Net < 0m ? Remittance : Net > 0m ? Subsidy : None;
}
