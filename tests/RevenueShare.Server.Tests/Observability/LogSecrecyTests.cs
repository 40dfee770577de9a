using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RevenueShare.Server.Tests.Crash;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Observability;

/// <summary>
/// The logs of a whole demo run — start, the demo's load, every office reading its answers, figures
/// booked and refused, an import, failed authentications, the stop — are JSON lines that name no
/// token, no enterprise (by name or credit code) and no amount: tax and statistics secrecy.
/// </summary>
public sealed partial class LogSecrecyTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_demo_run_logs_one_json_line_per_request_and_no_token_enterprise_or_amount()
    {
        var process = await ServeProcess.StartAsync(["--data", directory.Path, "--demo"]);
        await using (process)
        {
            // The tokens follow the line the start waits for: finance, tax, statistics and the 11 districts.
            var offices = 3 + TestReference.Reference.Districts.Count;
            var printed = Stopwatch.StartNew();
            while (TokenLine().Count(process.Output) < offices && printed.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }

            var tokens = TokenLine().Matches(process.Output).ToDictionary(m => m.Groups["office"].Value, m => m.Groups["token"].Value);
            Assert.Equal(offices, tokens.Count);

            var answers = new StringBuilder();
            async Task<string> Get(string path, string token)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await process.Client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                answers.AppendLine(text);
                return text;
            }

            foreach (var token in tokens.Values)
            {
                await Get("/api/whoami", token);
                await Get("/api/agreements", token);
                await Get("/api/allocations", token);
            }

            using var agreements = JsonDocument.Parse(await Get("/api/agreements", tokens["finance"]));
            foreach (var agreement in agreements.RootElement.GetProperty("agreements").EnumerateArray())
            {
                await Get($"/api/agreements/{agreement.GetProperty("id").GetString()}/events", tokens["finance"]);
            }

            await Get("/api/districts/440106/statement?from=2025-01&to=2025-12", tokens["district:440106"]);
            await Get("/api/reconciliation?month=2025-03", tokens["statistics"]);
            await Get("/api/settlement?year=2025", tokens["finance"]);
            await Get("/api/agreements", "rs_" + new string('x', 40));

            using var figures = new HttpRequestMessage(HttpMethod.Post, "/api/figures")
            {
                Content = new StringContent("""{"reports":[{"reportId":"secrecy-1","enterprise":"91440101MA5CYPX13B","indicator":"vat","month":"2025-02","amount":"987654.32","revision":1}]}""", Encoding.UTF8, "application/json"),
            };
            figures.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens["tax"]);
            using (var refused = await process.Client.SendAsync(figures))
            {
                Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            }

            await process.StopAsync(TimeSpan.FromSeconds(30));

            var logs = process.Logs;
            var lines = logs.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
            var requests = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).Where(l => l.GetProperty("EventId").GetInt32() == 200).ToArray();
            Assert.True(requests.Length >= tokens.Count * 3, $"{requests.Length} request lines for {tokens.Count * 3}+ requests");
            Assert.Contains(requests, r => r.GetProperty("State").GetProperty("Route").GetString() == "/api/figures" && r.GetProperty("State").GetProperty("Office").GetString() == "tax");

            foreach (var (office, token) in tokens)
            {
                Assert.False(logs.Contains(token, StringComparison.Ordinal), $"the token of {office} is in the logs");
                Assert.False(logs.Contains(token[..12], StringComparison.Ordinal), $"the start of {office}'s token is in the logs");
            }

            var secrets = Enterprises().Concat(Amounts(answers.ToString())).Append("987654.32").Append("91440101MA5CYPX13B").Distinct().ToArray();
            Assert.True(secrets.Length > 20, $"only {secrets.Length} secrets to look for");
            Assert.All(secrets, secret => Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"'{secret}' is in the logs"));
        }
    }

    public void Dispose() => directory.Dispose();

    /// <summary>Every enterprise of the demo's agreements, by name and by credit code.</summary>
    private static IEnumerable<string> Enterprises()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestReference.ContractsDirectory, "examples", "agreements"), "*.json"))
        {
            using var agreement = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var enterprise in agreement.RootElement.GetProperty("enterprises").EnumerateArray())
            {
                yield return enterprise.GetProperty("id").GetString()!;
                yield return enterprise.GetProperty("name").GetString()!;
            }
        }
    }

    /// <summary>The amounts the offices were answered, those long enough not to be found by chance in a duration.</summary>
    private static IEnumerable<string> Amounts(string answers) =>
        Amount().Matches(answers).Select(m => m.Groups["amount"].Value).Where(a => a.Length >= 8);

    [GeneratedRegex(@"^\s+(?<office>\S+)\s+(?<token>rs_\S+)$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    [GeneratedRegex("\"(?<amount>-?[0-9]+\\.[0-9]{2})\"")]
    private static partial Regex Amount();
}
