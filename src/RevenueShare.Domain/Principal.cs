using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain;

/// <summary>
/// An office acting on the ledger (docs/users-and-rights.md): <c>district:&lt;code&gt;</c>,
/// <c>statistics</c>, <c>tax</c> or <c>finance</c>.
/// </summary>
public sealed record Principal
{
    private const string DistrictPrefix = "district:";

    // The municipal offices that report a family of indicators are named by the family.
    private const string FinanceId = "finance";

    private Principal(PrincipalKind kind, DistrictCode? district)
    {
        Kind = kind;
        District = district;
    }

    public PrincipalKind Kind { get; }

    /// <summary>The district code of a district finance office; null for municipal offices.</summary>
    public DistrictCode? District { get; }

    public static Principal Statistics { get; } = new(PrincipalKind.Statistics, null);

    public static Principal Tax { get; } = new(PrincipalKind.Tax, null);

    public static Principal Finance { get; } = new(PrincipalKind.Finance, null);

    public static Principal ForDistrict(DistrictCode code) => new(PrincipalKind.District, code);

    /// <summary>Parses a principal id, checking a district against the catalogue.</summary>
    public static bool TryParse(string? text, ReferenceData reference, out Principal principal, out string error)
    {
        if (TryParseId(text, out principal) && (principal.District is not { } code || reference.TryGetDistrict(code, out _)))
        {
            error = string.Empty;
            return true;
        }

        principal = Finance;
        error = $"'{text}' is not an office: expected district:<code> (a district of the catalogue), statistics, tax or finance.";
        return false;
    }

    /// <summary>
    /// A principal id as the ledger stored it (in an event, a token row): the catalogue is not asked,
    /// since the id was checked against it when it was written.
    /// </summary>
    public static Principal Parse(string text) =>
        TryParseId(text, out var principal) ? principal : throw new FormatException($"'{text}' is not a principal id.");

    private static bool TryParseId(string? text, out Principal principal)
    {
        principal = Finance;
        switch (text)
        {
            case IndicatorFamilies.StatisticsName:
                principal = Statistics;
                return true;
            case IndicatorFamilies.TaxName:
                principal = Tax;
                return true;
            case FinanceId:
                return true;
        }

        if (text is not null && text.StartsWith(DistrictPrefix, StringComparison.Ordinal)
            && DistrictCode.TryParse(text[DistrictPrefix.Length..], out var code, out _))
        {
            principal = ForDistrict(code);
            return true;
        }

        return false;
    }

    /// <summary>The office that reports and reviews a family of indicators.</summary>
    public static Principal ReporterOf(IndicatorFamily family) => family == IndicatorFamily.Tax ? Tax : Statistics;

    public override string ToString() => Kind switch
    {
        PrincipalKind.District => DistrictPrefix + District?.Value,
        PrincipalKind.Statistics => IndicatorFamilies.StatisticsName,
        PrincipalKind.Tax => IndicatorFamilies.TaxName,
        _ => FinanceId,
    };
}
