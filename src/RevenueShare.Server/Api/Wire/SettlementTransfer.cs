namespace RevenueShare.Server.Api.Wire;

/// <summary><see cref="From"/> pays <see cref="To"/> <see cref="Amount"/> yuan.</summary>
public sealed record SettlementTransfer(string From, string To, string Amount);
