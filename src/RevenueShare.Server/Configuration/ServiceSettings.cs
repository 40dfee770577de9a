using System.Globalization;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Cluster;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Configuration;

/// <summary>
/// Every option of <c>revshare</c>, in one table: what a configuration file, the environment and the
/// command line may set (<see cref="ServiceConfiguration"/> refuses any other key). The defaults shown
/// are read from the code that applies them, so the table cannot drift from what runs.
/// </summary>
public static class ServiceSettings
{
    public static readonly ServiceSetting Data = new(
        "Store:Data", "--data", StoreArguments.DefaultDataDirectory,
        "Folder of the embedded SQLite store (journal.db, snapshots.db, read.db).");

    public static readonly ServiceSetting Postgres = new(
        "Store:Postgres", "--postgres", "none: SQLite",
        "Connection string of the PostgreSQL database to use instead of SQLite; with a password in it, give it by the environment or a file only its user reads.");

    public static readonly ServiceSetting ReadSideMaxMiB = new(
        "Store:ReadSideMaxMiB", "--read-side-max-mib", "none",
        "SQLite: the most the read database may take on disk, in MiB; past it the read side stops and the journal keeps its room.");

    public static readonly ServiceSetting Contracts = new(
        "Contracts", "--contracts", "found above the executable or the current folder",
        "The contracts folder: reference catalogues, schemas, the demo's samples.");

    public static readonly ServiceSetting Demo = new(
        "Demo", "--demo", "false",
        "Load the sample agreements and a year of sample figures at start, and print a token per office.");

    public static readonly ServiceSetting Urls = new(
        "Http:Urls", "--urls", ServeOptions.DefaultUrls,
        "Addresses the API and the pages listen on, ';'-separated; https ones need Http:Certificate:Path.");

    public static readonly ServiceSetting MetricsUrls = new(
        "Http:MetricsUrls", "--metrics", ServeOptions.DefaultMetricsUrls,
        "Addresses /metrics is served on for Prometheus, ';'-separated, or off.");

    public static readonly ServiceSetting CertificatePath = new(
        "Http:Certificate:Path", "--certificate", "none",
        "The TLS certificate for the https addresses: a PEM file (with Http:Certificate:KeyPath) or a PFX/PKCS#12 file.");

    public static readonly ServiceSetting CertificateKeyPath = new(
        "Http:Certificate:KeyPath", "--certificate-key", "none",
        "The PEM file of the certificate's private key, when Http:Certificate:Path is a PEM certificate without it.");

    public static readonly ServiceSetting CertificatePassword = new(
        "Http:Certificate:Password", null, "none",
        "The password of the PFX file or of an encrypted PEM key; by the environment or the configuration file, never on the command line.");

    public static readonly ServiceSetting HstsMaxAgeDays = new(
        "Http:HstsMaxAgeDays", null, Invariant(ServeOptions.DefaultHstsMaxAge.TotalDays),
        "With TLS: how long browsers are told to reach the service by https only (Strict-Transport-Security), in days.");

    public static readonly ServiceSetting ShutdownSeconds = new(
        "Http:ShutdownSeconds", null, Invariant(ServeOptions.DefaultShutdownTimeout.TotalSeconds),
        "How long a stop (SIGTERM) gives the requests in hand and the ledger's writes to finish, in seconds.");

    public static readonly ServiceSetting FailedSignInsPerMinute = new(
        "Http:FailedAuthenticationsPerMinute", null, Invariant(AuthenticationThrottling.Default.FailuresPerWindow),
        "Failed authentications one client address may make in a minute before it is answered 429 until the minute ends.");

    public static readonly ServiceSetting PassivateAfterSeconds = new(
        "Ledger:PassivateAfterSeconds", null, Invariant(LedgerOptions.Default.PassivateAfter.TotalSeconds),
        "An agreement that received nothing for this long leaves memory, in seconds.");

    public static readonly ServiceSetting ReadLagBoundSeconds = new(
        "Ledger:ReadLagBoundSeconds", null, Invariant(LedgerOptions.Default.ReadLagBound.TotalSeconds),
        "How far the read side may fall behind acknowledged writes before figure batches are refused (429), in seconds; /health/ready turns red past it.");

    public static readonly ServiceSetting ProjectionBacklog = new(
        "Ledger:ProjectionBacklog", null, Invariant(LedgerOptions.Default.ProjectionBacklog),
        "Figure reports that may be acknowledged and not yet readable while nobody reads.");

    public static readonly ServiceSetting ReadingBacklog = new(
        "Ledger:ReadingBacklog", null, Invariant(LedgerOptions.Default.ReadingBacklog),
        "The same while offices are reading, so ingest gives way to their reads.");

    public static readonly ServiceSetting ClusterNode = new(
        "Cluster:Node", "--cluster", "none: one process",
        "HOST:PORT the other nodes of a cluster reach this one on; needs Store:Postgres and Cluster:Seeds.");

    public static readonly ServiceSetting ClusterSeeds = new(
        "Cluster:Seeds", "--seed", "none",
        "HOST:PORT of each seed node; the first node of a new cluster names itself first.", IsList: true);

    public static readonly ServiceSetting DownAfterSeconds = new(
        "Cluster:DownAfterSeconds", "--down-after", Invariant(LedgerCluster.DefaultDownUnreachableAfter.TotalSeconds),
        "Seconds a node may stay unreachable before the majority downs it and takes over its agreements.");

    /// <summary>The table, in the order docs/operations.md shows it.</summary>
    public static IReadOnlyList<ServiceSetting> All { get; } =
    [
        Data, Postgres, ReadSideMaxMiB, Contracts, Demo,
        Urls, MetricsUrls, CertificatePath, CertificateKeyPath, CertificatePassword, HstsMaxAgeDays, ShutdownSeconds, FailedSignInsPerMinute,
        PassivateAfterSeconds, ReadLagBoundSeconds, ProjectionBacklog, ReadingBacklog,
        ClusterNode, ClusterSeeds, DownAfterSeconds,
    ];

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
