namespace RevenueShare.Domain.Documents;

/// <summary>A figure report as it arrives on the wire, before validation.</summary>
public sealed record FigureReportDocument(string? ReportId, string? Enterprise, string? Indicator, string? Month, string? Amount, int? Revision);
