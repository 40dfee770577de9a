using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>A covered enterprise and indicator of an agreement open for the month, with no current figure.</summary>
public sealed record MissingFigure(string Agreement, CreditCode Enterprise, Indicator Indicator);
