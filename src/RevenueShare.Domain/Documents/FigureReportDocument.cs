namespace RevenueShare.Domain.Documents;

/// <summary>
/// A figure report as it arrives on the wire, before validation. A history report (docs/allocation.md,
/// history and derived amounts) says <c>"history": true</c> and names its <see cref="Agreement"/>.
/// </summary>
public sealed record FigureReportDocument(string? ReportId, string? Enterprise, string? Indicator, string? Month, string? Amount, int? Revision, bool? History = null, string? Agreement = null);
