using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>A covered enterprise and indicator of an agreement open for the month, with no current figure.</summary>
public sealed record MissingFigure(AgreementId Agreement, CreditCode Enterprise, Indicator Indicator);
