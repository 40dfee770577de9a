using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Crash;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// What an operator does first with a package: <c>serve --demo</c> from an empty folder with nothing
/// else named (no contracts folder, no data folder), the health and one authenticated question asked
/// with a token it printed, a page's static file, then a stop with SIGTERM that must end in exit code 0.
/// </summary>
internal static class PackagedDemo
{
    public static async Task RunAsync(ProcessStartInfo start, TimeSpan startWithin)
    {
        await using var service = await ServeProcess.StartAsync(start, startWithin);
        var finance = await service.LineAsync(line => line.TrimStart().StartsWith("finance ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var token = finance.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var examples = Directory.GetFiles(Path.Combine(TestReference.ContractsDirectory, "examples", "agreements"), "*.json").Length;
        Assert.Contains($"Demo: {examples} example agreements approved", service.Output, StringComparison.Ordinal);

        using (var health = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            var body = await health.Content.ReadAsStringAsync();
            Assert.True(health.StatusCode == HttpStatusCode.OK, body);
            var ready = JsonNode.Parse(body)!;
            Assert.Equal("ok", ready["status"]!.GetValue<string>());
            Assert.Equal("sqlite", ready["store"]!.GetValue<string>());
            Assert.All(ready["checks"]!.AsArray(), check => Assert.Equal("ok", check!["status"]!.GetValue<string>()));
        }

        using (var question = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/agreements", UriKind.Relative)))
        {
            question.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await service.Client.SendAsync(question);
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal(examples, JsonNode.Parse(body)!["agreements"]!.AsArray().Count);
        }

        // wwwroot beside the executable: the pages' files are served from it.
        using (var icon = await service.Client.GetAsync(new Uri("/favicon.svg", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
            Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        }

        // The store's default folder, under the folder it was started in.
        Assert.True(File.Exists(Path.Combine(start.WorkingDirectory, StoreArguments.DefaultDataDirectory, StoreOptions.JournalFileName)), service.Output);

        var exit = await service.StopAsync(ServeOptions.DefaultShutdownTimeout);
        Assert.True(exit == 0, $"exit code {exit} after SIGTERM:\n{service.Output}");
    }
}
