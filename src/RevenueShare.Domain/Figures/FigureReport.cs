using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Figures;

/// <summary>
/// One validated figure report (docs/corrections.md). <see cref="ReportId"/> is the reporter's
/// idempotency key; <see cref="Revision"/> is 1 for the first figure of an enterprise, indicator and
/// month, higher for a restatement.
/// </summary>
public sealed record FigureReport(string ReportId, CreditCode Enterprise, Indicator Indicator, YearMonth Month, decimal Amount, int Revision);
