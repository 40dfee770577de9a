namespace RevenueShare.Server.Tests.Observability;

/// <summary>
/// Tests that read the service's meters run alone: a meter is found by its name across the whole
/// process (System.Diagnostics.Metrics), so the hosts of tests running beside them would add their
/// counts to the ones asserted. <c>revshare serve</c> hosts one ledger per process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "process-wide meters";
}
