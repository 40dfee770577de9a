using RevenueShare.Ledger.Cluster;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server;

/// <summary>
/// What <c>revshare serve</c> was asked to do. <paramref name="Urls"/> is Kestrel's list
/// (<c>;</c>-separated; port 0 picks a free one); <paramref name="Demo"/> asks for the sample
/// agreements and figures from <paramref name="ContractsDirectory"/> to be loaded at start.
/// </summary>
public sealed record ServeOptions(string Urls, StoreOptions Store, bool Demo, string ContractsDirectory)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where <c>revshare serve</c> serves <c>/metrics</c> unless told otherwise: loopback, for a Prometheus on the same machine.</summary>
    public const string DefaultMetricsUrls = "http://127.0.0.1:9464";

    /// <summary>How many failed authentications a client address may make before it is refused for a while.</summary>
    public AuthenticationThrottling Throttling { get; init; } = AuthenticationThrottling.Default;

    /// <summary>Kestrel's list of addresses for <c>/metrics</c> (<see cref="Observability.MetricsEndpoint"/>); null serves no metrics.</summary>
    public string? MetricsUrls { get; init; }

    /// <summary>This node's place in a cluster of ledger processes on one PostgreSQL store; none runs the ledger alone.</summary>
    public LedgerCluster? Cluster { get; init; }
}
