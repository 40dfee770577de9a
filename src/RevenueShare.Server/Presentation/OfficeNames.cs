using RevenueShare.Domain;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// Offices as their staff name them (docs/users-and-rights.md): 市财政局, 市税务局, 市统计局, and a
/// district's finance office by the catalogue's district name, 天河区财政局. The one table of these
/// names, for the pages' header and for anything exported under an office's name.
/// </summary>
public static class OfficeNames
{
    private const string DistrictOfficeSuffix = "财政局";

    public static string Of(Principal office, ReferenceData reference) => office.Kind switch
    {
        PrincipalKind.Finance => "市财政局",
        PrincipalKind.Tax => "市税务局",
        PrincipalKind.Statistics => "市统计局",

        // The code stands in for a district the catalogue no longer lists, so the office stays named.
        _ => (office.District is { } code && reference.TryGetDistrict(code, out var district) ? district.Name : office.District?.Value)
            + DistrictOfficeSuffix,
    };
}
