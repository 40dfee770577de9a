using RevenueShare.Domain.Agreements;

namespace RevenueShare.Server.Services;

/// <summary>
/// What became of one report of a batch or one line of an import: booked or a duplicate under
/// <see cref="Agreement"/>, or rejected with its <see cref="Refusal"/>. <see cref="ReportId"/> is as
/// sent, so a line that could not be read may have none.
/// </summary>
public sealed record ReportLineOutcome(string? ReportId, ReportStatus Status, AgreementId? Agreement, Refusal? Refusal);
