namespace RevenueShare.Server;

/// <summary>One readiness check as answered: its name, <c>ok</c> or <c>failing</c>, and what was found.</summary>
public sealed record HealthCheck(string Name, string Status, string Detail);
