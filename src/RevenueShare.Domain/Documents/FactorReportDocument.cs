namespace RevenueShare.Domain.Documents;

/// <summary>A report of an enterprise's apportionment factors for a year as it arrives on the wire, before validation.</summary>
public sealed record FactorReportDocument(
    string? ReportId,
    int? Year,
    string? Enterprise,
    int? Revision,
    IReadOnlyDictionary<string, FactorsDocument?>? Factors);
