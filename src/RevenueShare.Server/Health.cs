namespace RevenueShare.Server;

/// <summary>The <c>GET /health</c> answer: alive, and which store the read database is.</summary>
public sealed record Health(string Status, string Store);
