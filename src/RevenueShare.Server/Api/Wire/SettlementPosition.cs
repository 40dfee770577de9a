namespace RevenueShare.Server.Api.Wire;

/// <summary>A district's net (received − paid) and its kind: 上解 (pays up), 补助 (receives) or none.</summary>
public sealed record SettlementPosition(string District, string Net, string Kind);
