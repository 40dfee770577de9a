using System.Globalization;
using RevenueShare.Domain.Documents;
using RevenueShare.Ledger.Cluster;

namespace RevenueShare.Benchmarks;

/// <summary>
/// The city-year benchmark, phase by phase in the order the command line asks for: each phase adds
/// its rows to the table <see cref="Print"/> shows and its failures to <see cref="Failures"/>.
/// </summary>
internal sealed class Bench : IAsyncDisposable
{
    private static readonly string[] MunicipalOffices = ["finance", "tax", "statistics"];

    private readonly BenchRun run;

    private Bench(BenchOptions options) => run = new BenchRun(options);

    public List<string> Failures => run.Failures;

    public static Task<Bench> CreateAsync(BenchOptions options) => Task.FromResult(new Bench(options));

    public async Task RunAsync()
    {
        if (run.Options.OnlyRecovery)
        {
            await new RecoveryPhase(run).RunAsync();
            return;
        }

        var agreements = run.Agreements;
        Console.WriteLine($"city-year: {agreements.Count} agreements ({string.Join(", ", agreements.GroupBy(a => a.Kind).Select(g => $"{g.Count()} {g.Key}"))}; "
            + $"{agreements.Count(a => a.DoubleCount)} with double-count statistics), {run.Generator.EnterpriseCount} enterprises, {run.ReportCount} reports");
        var tax = Batches(Generator.Year(agreements, "tax"));
        var statistics = Batches(Generator.Year(agreements, "statistics"));
        // First in every run, also before a cluster's: the code it runs is then compiled at its final
        // tier for the phase measured next (cold, a cluster ran at less than half its speed).
        await new InProcessIngestPhase(run).RunAsync(tax, statistics);
        if (run.Options.ClusterNodes is { } nodes)
        {
            await OverClusterAsync(tax, statistics, nodes);
            return;
        }

        await OverHttpAsync(tax, statistics);
        if (!run.Options.SkipRecovery)
        {
            await new RecoveryPhase(run).RunAsync();
        }
    }

    /// <summary><c>--only queries --store DIR</c>: see <see cref="QueriesPhase.OnKeptStoreAsync"/>.</summary>
    public Task QueriesOnlyAsync(string store) => new QueriesPhase(run).OnKeptStoreAsync(store);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"| figure ({(run.Stores.IsPostgres ? "PostgreSQL" : "SQLite")}, scale {run.Options.Scale.ToString(CultureInfo.InvariantCulture)}, {run.ReportCount} reports) | value | target | observed |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (figure, value, target, bound) in run.Rows)
        {
            Console.WriteLine($"| {figure} | {value} | {target} | {bound} |");
        }

        foreach (var failure in run.Failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }
    }

    public ValueTask DisposeAsync() => run.Stores.DisposeAsync();

    private static List<FigureReportDocument[]> Batches(IEnumerable<FigureReportDocument> reports) => [.. reports.Chunk(BenchRun.BatchSize)];

    /// <summary>
    /// <c>--only cluster --nodes N</c>: the ingest through HTTP over N cluster nodes in this process,
    /// on one PostgreSQL store, each batch sent to the next node in turn.
    /// </summary>
    private async Task OverClusterAsync(List<FigureReportDocument[]> tax, List<FigureReportDocument[]> statistics, int nodes)
    {
        Console.WriteLine($"HTTP: starting a cluster of {nodes} node(s) on loopback");
        var store = await run.Stores.NewAsync("cluster");
        var ports = BenchServer.FreePorts(nodes);
        var servers = new List<BenchServer>();
        try
        {
            foreach (var port in ports)
            {
                servers.Add(await BenchServer.StartAsync(store, run.Contracts, run.Options.Backlog, new LedgerCluster("127.0.0.1", port, [$"127.0.0.1:{ports[0]}"])));
            }

            var tokens = await servers[0].TokensAsync(MunicipalOffices.Concat(run.Reference.Districts.Select(d => "district:" + d.Code)), run.Reference);
            await new HttpIngestPhase(run, servers, tokens).RunAsync(tax, statistics, run.Agreements[0].Proposer.Value);
        }
        finally
        {
            // The last first: the oldest, which runs the singletons, leaves last.
            foreach (var server in Enumerable.Reverse(servers))
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The phases that share one server and its store: the ingest through HTTP, then against what it
    /// booked the raw-store limit, the restatements, the queries, the pages and the sustained load.
    /// </summary>
    private async Task OverHttpAsync(List<FigureReportDocument[]> tax, List<FigureReportDocument[]> statistics)
    {
        Console.WriteLine("HTTP: starting the server on loopback");
        var store = await run.Stores.NewAsync("http");
        await using var server = await BenchServer.StartAsync(store, run.Contracts, run.Options.Backlog, withMetrics: true);
        var tokens = await server.TokensAsync(MunicipalOffices.Concat(run.Reference.Districts.Select(d => "district:" + d.Code)), run.Reference);
        var district = run.Agreements[0].Proposer.Value;

        var (rate, elapsed) = await new HttpIngestPhase(run, [server], tokens).RunAsync(tax, statistics, district);
        await PrintMetricsAsync(server, "after the city-year's ingest through HTTP, the read side caught up");

        // The city-year's documents (~90 MiB) are the client's: released before the phases that read the server's memory.
        tax.Clear();
        statistics.Clear();
        await new RawStoreLimitPhase(run).RunAsync(server.Database, store, rate, elapsed);
        await new RestatementsPhase(run).RunAsync(server, tokens, district);
        await new QueriesPhase(run).RunAsync(server, tokens["finance"], district);
        await new PagesPhase(run).RunAsync(server, district);
        if (run.Options.LoadSeconds > 0)
        {
            await new LoadPhase(run).RunAsync(server, tokens, district);
        }

        await PrintMetricsAsync(server, "at the end of the phases over HTTP");
    }

    /// <summary>What an operator's Prometheus would have scraped at this point (docs/operations.md, Metrics).</summary>
    private static async Task PrintMetricsAsync(BenchServer server, string when)
    {
        Console.WriteLine($"metrics {when}:");
        foreach (var sample in await server.ScrapeAsync())
        {
            Console.WriteLine("  " + sample);
        }
    }
}
