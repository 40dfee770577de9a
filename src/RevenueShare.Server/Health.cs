namespace RevenueShare.Server;

/// <summary>
/// The answer of <c>/health/live</c>, <c>/health/ready</c> and <c>/health</c>: the status, which store
/// the ledger runs on, the versions of the product and of its stored formats, and (for readiness) each
/// thing checked.
/// </summary>
public sealed record Health(string Status, string Store, HealthVersions Versions, IReadOnlyList<HealthCheck> Checks);
