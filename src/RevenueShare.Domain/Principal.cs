using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain;

/// <summary>
/// An office acting on the ledger (docs/users-and-rights.md): <c>district:&lt;code&gt;</c>,
/// <c>statistics</c>, <c>tax</c> or <c>finance</c>.
/// </summary>
public sealed record Principal
{
    private Principal(PrincipalKind kind, string? district)
    {
        Kind = kind;
        District = district;
    }

    public PrincipalKind Kind { get; }

    /// <summary>The district code of a district finance office; null for municipal offices.</summary>
    public string? District { get; }

    public static Principal Statistics { get; } = new(PrincipalKind.Statistics, null);

    public static Principal Tax { get; } = new(PrincipalKind.Tax, null);

    public static Principal Finance { get; } = new(PrincipalKind.Finance, null);

    public static Principal ForDistrict(string code) => new(PrincipalKind.District, code);

    /// <summary>Parses a principal id, checking a district against the catalogue.</summary>
    public static bool TryParse(string? text, ReferenceData reference, out Principal principal, out string error)
    {
        principal = Finance;
        error = string.Empty;
        switch (text)
        {
            case "statistics":
                principal = Statistics;
                return true;
            case "tax":
                principal = Tax;
                return true;
            case "finance":
                principal = Finance;
                return true;
        }

        const string prefix = "district:";
        if (text is not null && text.StartsWith(prefix, StringComparison.Ordinal)
            && reference.TryGetDistrict(text[prefix.Length..], out var district))
        {
            principal = ForDistrict(district.Code);
            return true;
        }

        error = $"'{text}' is not an office: expected district:<code> (a district of the catalogue), statistics, tax or finance.";
        return false;
    }

    /// <summary>The office that reports and reviews a family of indicators.</summary>
    public static Principal ReporterOf(IndicatorFamily family) => family == IndicatorFamily.Tax ? Tax : Statistics;

    public override string ToString() => Kind switch
    {
        PrincipalKind.District => "district:" + District,
        PrincipalKind.Statistics => "statistics",
        PrincipalKind.Tax => "tax",
        _ => "finance",
    };
}
