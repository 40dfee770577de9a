namespace RevenueShare.Ledger.Projections;

/// <summary>An amount certified, as the audit trail names it: <see cref="Kind"/> <c>cap</c> over its indicators, or <c>baseline</c> of its one indicator.</summary>
public sealed record CertifiedAmountDetail(string Kind, IReadOnlyList<string> Indicators, decimal Amount);
