using System.CommandLine;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Demo;
using RevenueShare.Server.Http;
using RevenueShare.Server.Observability;

namespace RevenueShare.Server.Cli;

/// <summary><c>revshare serve</c>: runs the API and the pages until stopped; with <c>--demo</c>, prints the tokens once the demo is loaded.</summary>
internal static class ServeCommand
{
    public static Command Create(StoreArguments store, TextWriter stdout)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, ';'-separated (default {ServeOptions.DefaultUrls}).",
            HelpName = "URL",
            DefaultValueFactory = _ => ServeOptions.DefaultUrls,
        };
        var demo = new Option<bool>("--demo")
        {
            Description = "Load the sample agreements and a year of sample figures from the contracts folder.",
        };

        var metrics = new Option<string>("--metrics")
        {
            Description = $"Addresses to serve /metrics on for Prometheus, ';'-separated, or 'off' (default {ServeOptions.DefaultMetricsUrls}).",
            HelpName = "URL",
            DefaultValueFactory = _ => ServeOptions.DefaultMetricsUrls,
        };

        var readSideMax = new Option<int?>("--read-side-max-mib")
        {
            Description = "SQLite: the most the read tables may take on disk, in MiB (default: no bound); past it the read side stops and the journal keeps its room.",
            HelpName = "MIB",
        };

        var cluster = new ClusterArguments();
        var command = new Command("serve", "Run the HTTP API.");
        command.Options.Add(urls);
        command.Options.Add(demo);
        command.Options.Add(metrics);
        command.Options.Add(readSideMax);
        store.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stored = store.Store(result);
            var options = new ServeOptions(
                result.GetValue(urls) ?? ServeOptions.DefaultUrls,
                ReadSideBounded(stored, result.GetValue(readSideMax)),
                result.GetValue(demo),
                store.ContractsDirectory(result))
            {
                Cluster = cluster.Cluster(result, stored),
                MetricsUrls = result.GetValue(metrics) is "off" ? null : result.GetValue(metrics),
            };
            await using var app = ServerHost.Build(options);
            await app.StartAsync(cancellationToken);
            var listen = app.Services.GetRequiredService<ListenAddresses>();
            if (options.Demo)
            {
                await DemoAnnouncement.PrintWhenLoadedAsync(app, stdout, cancellationToken);
            }
            else
            {
                await stdout.WriteLineAsync($"RevenueShare is listening on {string.Join(", ", listen.Api)}");
            }

            if (listen.Metrics.Count > 0)
            {
                await stdout.WriteLineAsync($"Metrics for Prometheus on {string.Join(", ", listen.Metrics.Select(url => url.TrimEnd('/') + MetricsEndpoint.Path))}");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static StoreOptions ReadSideBounded(StoreOptions store, int? mebibytes) => mebibytes switch
    {
        null => store,
        _ when store.Kind != StoreKind.Sqlite => throw new UsageException("--read-side-max-mib bounds the embedded store's read database; PostgreSQL is bounded by its own means."),
        < 1 => throw new UsageException("--read-side-max-mib needs a number of MiB of 1 or more."),
        { } bound => store with { ReadSideMaxBytes = bound * 1024L * 1024L },
    };
}
