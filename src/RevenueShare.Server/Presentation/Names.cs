using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Presentation;

/// <summary>Catalogue entries by their names, as every page and export shows them: 天河区, 增值税（地方分享部分）.</summary>
public static class Names
{
    /// <summary>The district's name; its code where the catalogue no longer lists it, so nothing shows blank.</summary>
    public static string District(DistrictCode code, ReferenceData reference) =>
        reference.TryGetDistrict(code, out var district) ? district.Name : code.Value;

    /// <summary>The district of a stored code (a read row's column).</summary>
    public static string District(string code, ReferenceData reference) =>
        DistrictCode.TryParse(code, out var parsed, out _) ? District(parsed, reference) : code;

    /// <summary>The office of a stored principal id (<c>district:440106</c> → 天河区财政局).</summary>
    public static string Office(string principal, ReferenceData reference) =>
        Domain.Principal.TryParse(principal, reference, out var office, out _) ? OfficeNames.Of(office, reference) : principal;

    public static string Indicator(string code, ReferenceData reference) =>
        reference.TryGetIndicator(code, out var indicator) ? indicator.Name : code;
}
