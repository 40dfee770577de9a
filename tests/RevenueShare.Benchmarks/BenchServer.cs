using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Cluster;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server;
using RevenueShare.Server.Identity;

namespace RevenueShare.Benchmarks;

/// <summary>
/// The server on loopback over one store, on the fixed clock, with a token for each office and a
/// <see cref="BenchClient"/> on its address.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly Uri? metrics;

    private BenchServer(WebApplication app, string? metricsUrl)
    {
        this.app = app;
        metrics = metricsUrl is null ? null : new Uri(metricsUrl);
        Client = new BenchClient(new Uri(app.Urls.Single(u => u != metricsUrl)));
    }

    public BenchClient Client { get; }

    public static readonly TimeSpan PassivateAfter = TimeSpan.FromSeconds(15);

    public ReadDatabase Database => app.Services.GetRequiredService<ReadDatabase>();

    /// <summary>How far the read side lags behind acknowledged writes now.</summary>
    public TimeSpan Lag => app.Services.GetRequiredService<ReadBarrier>().Lag;

    public Task<int> LiveAgreementsAsync() =>
        app.Services.GetRequiredService<ActorRegistry>().Get<AgreementRegion>().Ask<int>(CountLiveAgreements.Instance, TimeSpan.FromSeconds(10));

    /// <param name="backlog">The projection backlogs to admit (<see cref="LedgerOptions.ProjectionBacklog"/>, <see cref="LedgerOptions.ReadingBacklog"/>); null: the defaults.</param>
    /// <param name="cluster">This server's place in a cluster of benchmark servers; null: alone.</param>
    /// <param name="withMetrics">Whether to serve <c>/metrics</c> (on a loopback port of its own) for <see cref="ScrapeAsync"/>.</param>
    public static async Task<BenchServer> StartAsync(StoreOptions store, string contracts, (int Idle, int Reading)? backlog = null, LedgerCluster? cluster = null, bool withMetrics = false)
    {
        var metricsUrl = withMetrics ? $"http://127.0.0.1:{FreePorts(1)[0]}" : null;
        var app = ServerHost.Build(new ServeOptions("http://127.0.0.1:0", store, false, contracts) { Cluster = cluster, MetricsUrls = metricsUrl }, builder =>
        {
            builder.Services.AddSingleton<IClock>(new FixedClock());

            // Idle agreements leave memory after 15 s rather than 2 min, so the load phase can watch it.
            var defaults = new LedgerOptions();
            builder.Services.AddSingleton(new LedgerOptions
            {
                PassivateAfter = PassivateAfter,
                ProjectionBacklog = backlog?.Idle ?? defaults.ProjectionBacklog,
                ReadingBacklog = backlog?.Reading ?? defaults.ReadingBacklog,
                Cluster = cluster,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        return new BenchServer(app, metricsUrl);
    }

    /// <summary>
    /// The ledger's and the HTTP floor's samples of <c>/metrics</c> now (<c>revshare_</c> names, without
    /// histogram buckets) and the working set, as Prometheus would scrape them.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScrapeAsync()
    {
        using var scraper = new HttpClient { BaseAddress = metrics ?? throw new InvalidOperationException("This server serves no metrics.") };
        var text = await scraper.GetStringAsync("/metrics");
        return [.. text.Split('\n').Where(line => (line.StartsWith("revshare_", StringComparison.Ordinal) && !line.Contains("_bucket{", StringComparison.Ordinal))
            || line.StartsWith("dotnet_process_memory_working_set", StringComparison.Ordinal) || line.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal))];
    }

    /// <summary>Ports free on loopback now, for cluster endpoints.</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((System.Net.IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return ports;
    }

    public async Task<string> TokenAsync(Principal principal) =>
        (await app.Services.GetRequiredService<TokenStore>().CreateAsync(principal, FixedClock.Now)).Secret;

    /// <summary>A token for each office, by its principal id.</summary>
    public async Task<Dictionary<string, string>> TokensAsync(IEnumerable<string> offices, ReferenceData reference)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var office in offices)
        {
            Principal.TryParse(office, reference, out var principal, out _);
            tokens[office] = await TokenAsync(principal);
        }

        return tokens;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
