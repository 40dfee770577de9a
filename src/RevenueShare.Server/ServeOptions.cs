using System.Security.Cryptography.X509Certificates;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Cluster;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server;

/// <summary>
/// What <c>revshare serve</c> was asked to do (read from the configuration by
/// <see cref="Configuration.ServeConfiguration"/>). <paramref name="Urls"/> is Kestrel's list
/// (<c>;</c>-separated; port 0 picks a free one); <paramref name="Demo"/> asks for the sample
/// agreements and figures from <paramref name="ContractsDirectory"/> to be loaded at start.
/// </summary>
public sealed record ServeOptions(string Urls, StoreOptions Store, bool Demo, string ContractsDirectory)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where <c>revshare serve</c> serves <c>/metrics</c> unless told otherwise: loopback, for a Prometheus on the same machine.</summary>
    public const string DefaultMetricsUrls = "http://127.0.0.1:9464";

    /// <summary>A year, as the HSTS preload list asks of the sites on it.</summary>
    public static TimeSpan DefaultHstsMaxAge { get; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a stop (SIGTERM, Ctrl+C) gives the service to finish unless told otherwise: the requests
    /// in hand, the ledger's writes and its actor system's shutdown. deploy/revshare.service lets systemd
    /// wait longer than this before it kills.
    /// </summary>
    public static TimeSpan DefaultShutdownTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How many failed authentications a client address may make before it is refused for a while.</summary>
    public AuthenticationThrottling Throttling { get; init; } = AuthenticationThrottling.Default;

    /// <summary>Kestrel's list of addresses for <c>/metrics</c> (<see cref="Observability.MetricsEndpoint"/>); null serves no metrics.</summary>
    public string? MetricsUrls { get; init; }

    /// <summary>The certificate of the https addresses; null when none is https.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>With a <see cref="Certificate"/>: the <c>max-age</c> of the Strict-Transport-Security answered over https.</summary>
    public TimeSpan HstsMaxAge { get; init; } = DefaultHstsMaxAge;

    /// <summary>How long a stop gives the service to finish (<see cref="DefaultShutdownTimeout"/>).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = DefaultShutdownTimeout;

    /// <summary>How the ledger bounds its memory and its read side's lag.</summary>
    public LedgerOptions Ledger { get; init; } = LedgerOptions.Default;

    /// <summary>This node's place in a cluster of ledger processes on one PostgreSQL store; none runs the ledger alone.</summary>
    public LedgerCluster? Cluster { get; init; }
}
