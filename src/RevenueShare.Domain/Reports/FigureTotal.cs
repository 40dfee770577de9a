using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// The current figures of a range of months for one agreement, indicator and registered district:
/// their sum in units of the indicator's scale and how many there are. Read by the ledger's report
/// queries; the reports (<see cref="Reconciliation"/>, <see cref="DistrictStatement"/>) are computed
/// from these totals, never from single figures.
/// </summary>
public sealed record FigureTotal(AgreementId Agreement, string Indicator, DistrictCode Registered, long Units, long Count);
