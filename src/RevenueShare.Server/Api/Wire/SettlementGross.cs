namespace RevenueShare.Server.Api.Wire;

/// <summary>What <see cref="From"/> (the registered district) owes <see cref="To"/> for one tax indicator.</summary>
public sealed record SettlementGross(string From, string To, string Indicator, string Amount);
