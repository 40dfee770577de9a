using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>District codes for test tables, from their six digits.</summary>
internal static class Districts
{
    public static DistrictCode D(string code) => DistrictCode.Parse(code);

    public static DistrictCode[] All(params string[] codes) => [.. codes.Select(DistrictCode.Parse)];
}
