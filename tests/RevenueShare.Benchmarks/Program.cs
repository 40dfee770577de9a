using System.Diagnostics;
using System.Globalization;
using RevenueShare.Benchmarks;
using RevenueShare.Server;

// The benchmark of issue 4: a city-year through HTTP and in-process, restatements, recovery of the
// largest agreement, queries and the raw-store limit, printed as one table. Exit code 1 on any failure.
// It runs on revshare's runtime settings: server GC (its project file) and two malloc arenas.
MallocArenas.Limit();
if (args.FirstOrDefault() == "--load-client")
{
    return await LoadTraffic.RunAsync(args);
}

if (args.Contains("--profile"))
{
    Profile.Run(args.SkipWhile(a => a != "--scale").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(1.0));
    return 0;
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: RevenueShare.Benchmarks [--scale F] [--postgres CONN] [--quick] [--keep] [--senders N] [--skip-recovery] [--load-seconds N (0: no load phase)] [--backlog IDLE/READING] [--only recovery | --only queries --store DIR [--answers DIR] | --only cluster --nodes N --postgres CONN]");
    return 2;
}

Console.WriteLine($"RevenueShare benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; scale {options.Scale.ToString(CultureInfo.InvariantCulture)}; "
    + $"store {(options.Postgres is null ? "SQLite" : "PostgreSQL")}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
var total = Stopwatch.StartNew();
try
{
    await using var bench = await Bench.CreateAsync(options);
    if (options.QueriesStore is not null)
    {
        await bench.QueriesOnlyAsync(options.QueriesStore);
    }
    else
    {
        await bench.RunAsync();
    }

    bench.Print();
    Console.WriteLine($"benchmark finished in {total.Elapsed.TotalSeconds:F0} s");
    return bench.Failures.Count == 0 ? 0 : 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"benchmark FAILED after {total.Elapsed.TotalSeconds:F0} s: {e}");
    return 1;
}

/// <summary>The command line. <see cref="OnlyRecovery"/>: skip the city-year (ingest, restatements, queries) and measure recovery alone.</summary>
/// <param name="QueriesStore">With <c>--only queries --store DIR</c>: the query phase alone, against a store kept by an
/// earlier <c>--keep</c> run (its <c>http</c> folder, or with <c>--postgres</c> that database's connection string).</param>
/// <param name="Answers">With <c>--answers DIR</c>: each query's last answer is written there, to compare two builds byte for byte.</param>
/// <param name="Backlog">With <c>--backlog IDLE/READING</c>: the server's <c>LedgerOptions.ProjectionBacklog</c> and <c>ReadingBacklog</c>, to weigh other bounds in the same build.</param>
/// <param name="ClusterNodes">With <c>--only cluster --nodes N</c> (PostgreSQL): the in-process ingest (which also warms the code up), then the ingest through HTTP over a cluster of N nodes on loopback.</param>
internal sealed record BenchOptions(double Scale, string? Postgres, bool Quick, bool Keep, int Senders = 1, bool SkipRecovery = false, bool OnlyRecovery = false, string? QueriesStore = null, string? Answers = null, int LoadSeconds = 180, (int Idle, int Reading)? Backlog = null, int? ClusterNodes = null)
{
    public static BenchOptions? Parse(string[] args)
    {
        var scale = 1.0;
        string? postgres = null;
        bool quick = false, keep = false;
        var senders = 1;
        var skipRecovery = false;
        int? loadSeconds = null;
        (int, int)? backlog = null;
        string? only = null, store = null, answers = null;
        int? nodes = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Length:
                    scale = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    break;
                case "--senders" when i + 1 < args.Length:
                    senders = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--load-seconds" when i + 1 < args.Length:
                    loadSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--backlog" when i + 1 < args.Length:
                    var bounds = args[++i].Split('/');
                    backlog = (int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[^1], CultureInfo.InvariantCulture));
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                case "--store" when i + 1 < args.Length:
                    store = args[++i];
                    break;
                case "--nodes" when i + 1 < args.Length:
                    nodes = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--answers" when i + 1 < args.Length:
                    answers = args[++i];
                    break;
                case "--skip-recovery":
                    skipRecovery = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    return null;
            }
        }

        var onlyRecovery = only == "recovery";
        var onlyQueries = only == "queries";
        var onlyCluster = only == "cluster";
        if ((only is not null && !onlyRecovery && !onlyQueries && !onlyCluster) || onlyQueries != (store is not null) || (skipRecovery && onlyRecovery)
            || onlyCluster != nodes is not null || (onlyCluster && (postgres is null || nodes < 1)))
        {
            return null;
        }

        return scale > 0 && senders > 0 ? new BenchOptions(scale, postgres, quick, keep, senders, skipRecovery, onlyRecovery, store, answers, loadSeconds ?? (quick ? 5 : 180), backlog, nodes) : null;
    }
}
