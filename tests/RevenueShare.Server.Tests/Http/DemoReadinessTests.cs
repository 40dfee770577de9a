using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// <c>serve --demo</c> reports healthy only once the demo is loaded (issue 10, item 9): until then
/// <c>/health</c> answers 503 and every other request 503 with <c>Retry-After</c>, so an office's
/// agreement cannot take a number between the demo's, and nobody reads half a demo.
/// </summary>
public sealed class DemoReadinessTests
{
    private const string HeldFile = "tax-2025.json";

    [Fact]
    public async Task With_the_demo_the_service_is_ready_only_once_loaded_and_no_write_lands_in_between()
    {
        // The demo is held half loaded, its agreements in and its figures not, so the requests below
        // meet it loading whatever the machine's pace: the contracts are a copy whose tax figures are
        // a named pipe, and the demo's read of it waits until the test writes them.
        using var contracts = new TempDirectory();
        CopyDirectory(TestReference.ContractsDirectory, contracts.Path);
        var held = Path.Combine(contracts.Path, "examples", "figures", HeldFile);
        File.Delete(held);
        MakeFifo(held);
        var released = false;
        async Task ReleaseAsync()
        {
            if (!released)
            {
                released = true;
                await File.WriteAllTextAsync(held, await File.ReadAllTextAsync(Path.Combine(TestReference.ContractsDirectory, "examples", "figures", HeldFile)));
            }
        }

        // Started as `serve --demo` starts: the listener is up at once, the demo loads behind it.
        await using var server = await RunningServer.StartAsync(options: options => options with { Demo = true, ContractsDirectory = contracts.Path });
        try
        {
            await ProveAsync(server, ReleaseAsync);
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private static async Task ProveAsync(RunningServer server, Func<Task> release)
    {
        var finance = await server.IssueTokenAsync(Principal.Finance);
        var tianhe = await server.IssueTokenAsync(Principal.ForDistrict(DistrictCode.Parse(Docs.Tianhe)));
        var proposal = Docs.TwoParty(Docs.CreditCode(Docs.Huangpu, 70), ["pit"], title: "加载期间的提案").ToJsonString();

        var refusedWhileLoading = 0;
        var healthy = false;
        string? created = null;
        while (created is null)
        {
            var health = await server.Client.GetAsync("/health");
            if (health.StatusCode == HttpStatusCode.OK)
            {
                // Healthy means loaded: every demo agreement and the last of the demo's figures are there.
                healthy = true;
                Assert.Equal(8, await CountAgreementsAsync(server, finance));
                Assert.True(await HasLastEntriesAsync(server, finance), "healthy before the demo's last figures (the formula agreement's December cit) were booked");
            }
            else
            {
                Assert.False(healthy, "the service was healthy, then not");
                await AssertStartingAsync(health);
            }

            var post = await server.Client.SendAsync(RunningServer.Request(
                HttpMethod.Post, "/api/agreements", tianhe, new StringContent(proposal, Encoding.UTF8, "application/json")));
            if (post.StatusCode == HttpStatusCode.Created)
            {
                created = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            }
            else
            {
                await AssertStartingAsync(post);
                refusedWhileLoading++;
                await release();
            }
        }

        Assert.True(refusedWhileLoading > 0, "the demo was loaded before the first request: nothing was proven");

        // The demo took the year's first eight numbers, in the order of its example files; the office's came after.
        Assert.Equal("GZ-2026-0009", created);
        var list = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/agreements", finance));
        var agreements = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agreements").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("title").GetString()!);
        var exampleTitles = Directory.GetFiles(Path.Combine(TestReference.ContractsDirectory, "examples", "agreements"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("title").GetString());
        Assert.Equal(exampleTitles, Enumerable.Range(1, 8).Select(n => agreements[$"GZ-2026-{n:D4}"]));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A 503 problem saying the service is starting, with the time to wait.</summary>
    private static async Task AssertStartingAsync(HttpResponseMessage response)
    {
        var problem = await Problem.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("demo", problem.Detail, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static async Task<int> CountAgreementsAsync(RunningServer server, string token)
    {
        var response = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/agreements", token));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agreements").GetArrayLength();
    }

    /// <summary>Whether the last figure file the demo books (formula-2025.json) is booked: its December cit has entries.</summary>
    private static async Task<bool> HasLastEntriesAsync(RunningServer server, string token)
    {
        var response = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/allocations?agreement=GZ-2026-0007&indicator=cit&from=2025-12&to=2025-12", token));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").GetArrayLength() > 0;
    }
}
