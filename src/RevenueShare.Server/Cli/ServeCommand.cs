using System.CommandLine;
using RevenueShare.Server.Configuration;
using RevenueShare.Server.Demo;
using RevenueShare.Server.Http;
using RevenueShare.Server.Observability;

namespace RevenueShare.Server.Cli;

/// <summary>
/// <c>revshare serve</c>: runs the API and the pages until stopped; with <c>--demo</c>, prints the tokens
/// once the demo is loaded. Its flags are settings of <see cref="ServiceSettings"/>, given on the
/// command line; the rest come from the configuration (<see cref="ServeConfiguration"/>).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(StoreArguments store, TextWriter stdout)
    {
        var urls = new Option<string>(ServiceSettings.Urls.Flag!)
        {
            Description = $"Addresses to listen on, ';'-separated (default {ServeOptions.DefaultUrls}); https ones need --certificate.",
            HelpName = "URL",
        };
        var demo = new Option<bool>(ServiceSettings.Demo.Flag!)
        {
            Description = "Load the sample agreements and a year of sample figures from the contracts folder.",
        };
        var metrics = new Option<string>(ServiceSettings.MetricsUrls.Flag!)
        {
            Description = $"Addresses to serve /metrics on for Prometheus, ';'-separated, or 'off' (default {ServeOptions.DefaultMetricsUrls}).",
            HelpName = "URL",
        };
        var certificate = new Option<string>(ServiceSettings.CertificatePath.Flag!)
        {
            Description = "The TLS certificate of the https addresses: a PEM file (with --certificate-key) or a PFX file; its password by REVSHARE__Http__Certificate__Password.",
            HelpName = "FILE",
        };
        var certificateKey = new Option<string>(ServiceSettings.CertificateKeyPath.Flag!)
        {
            Description = "The PEM file of the certificate's private key.",
            HelpName = "FILE",
        };
        var readSideMax = new Option<string>(ServiceSettings.ReadSideMaxMiB.Flag!)
        {
            Description = "SQLite: the most the read tables may take on disk, in MiB (default: no bound); past it the read side stops and the journal keeps its room.",
            HelpName = "MIB",
        };

        var cluster = new ClusterArguments();
        var command = new Command("serve", "Run the HTTP API.");
        command.Options.Add(urls);
        command.Options.Add(demo);
        command.Options.Add(metrics);
        command.Options.Add(certificate);
        command.Options.Add(certificateKey);
        command.Options.Add(readSideMax);
        store.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var flags = new List<(ServiceSetting, string)>();
            StoreArguments.Given(flags, result, urls, ServiceSettings.Urls);
            StoreArguments.Given(flags, result, metrics, ServiceSettings.MetricsUrls);
            StoreArguments.Given(flags, result, certificate, ServiceSettings.CertificatePath);
            StoreArguments.Given(flags, result, certificateKey, ServiceSettings.CertificateKeyPath);
            StoreArguments.Given(flags, result, readSideMax, ServiceSettings.ReadSideMaxMiB);
            if (result.GetValue(demo))
            {
                flags.Add((ServiceSettings.Demo, "true"));
            }

            cluster.AddGiven(flags, result);
            var options = ServeConfiguration.Read(store.Configuration(result, flags));
            await using var app = ServerHost.Build(options);
            await StartAsync(app, options);
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

    /// <summary>Starts the host; an address that cannot be bound (taken, not this machine's) is a problem of the configuration, said as one.</summary>
    private static async Task StartAsync(WebApplication app, ServeOptions options)
    {
        try
        {
            await app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
        {
            // What started before Kestrel (the ledger's actor system) stops in order before the process ends.
            await app.StopAsync();
            throw new InvalidConfigurationException([$"{ServiceSettings.Urls.Key} or {ServiceSettings.MetricsUrls.Key} ({options.Urls}; {options.MetricsUrls ?? "off"}) cannot be listened on: {e.Message}"]);
        }
    }
}
