using System.CommandLine;
using RevenueShare.Server.Demo;

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

        var command = new Command("serve", "Run the HTTP API.");
        command.Options.Add(urls);
        command.Options.Add(demo);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new ServeOptions(
                result.GetValue(urls) ?? ServeOptions.DefaultUrls,
                store.Store(result),
                result.GetValue(demo),
                store.ContractsDirectory(result));
            await using var app = ServerHost.Build(options);
            await app.StartAsync(cancellationToken);
            if (options.Demo)
            {
                await DemoAnnouncement.PrintWhenLoadedAsync(app, stdout, cancellationToken);
            }
            else
            {
                await stdout.WriteLineAsync($"RevenueShare is listening on {string.Join(", ", app.Urls)}");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
