namespace RevenueShare.Server.Api.Wire;

/// <summary>Reconciliation of one month (docs/reconciliation.md): reported vs allocated per indicator, missing reports, review status.</summary>
public sealed record ReconciliationResponse(
    string Month, IReadOnlyList<ReconciliationIndicator> Indicators, IReadOnlyList<MissingReport> Missing, IReadOnlyList<ReviewStatusView> Reviews);
