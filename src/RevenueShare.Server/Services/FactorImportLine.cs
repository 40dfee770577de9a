using RevenueShare.Domain.Agreements;

namespace RevenueShare.Server.Services;

/// <summary>One factor report of an imported file: the lines it came from (the header is line 1), and booked, duplicate or rejected with its refusal.</summary>
public sealed record FactorImportLine(IReadOnlyList<int> Lines, string? ReportId, ReportStatus Status, Refusal? Refusal);
