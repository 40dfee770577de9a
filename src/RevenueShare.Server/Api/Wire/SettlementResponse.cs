namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// The year-end settlement (docs/settlement.md): gross obligations per tax indicator and in total, each
/// district's net position, and the netted transfers that settle them.
/// </summary>
public sealed record SettlementResponse(
    int Year, IReadOnlyList<SettlementGross> Gross, IReadOnlyList<SettlementTransfer> Totals, IReadOnlyList<SettlementPosition> Positions, IReadOnlyList<SettlementTransfer> Transfers);
