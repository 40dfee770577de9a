namespace RevenueShare.Ledger.Observability;

/// <summary>One thing the ledger needs to take work, as <c>/health/ready</c> reports it: <paramref name="Detail"/> says what was found.</summary>
public sealed record ReadinessCheck(string Name, bool Ready, string Detail);
