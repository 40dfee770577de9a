using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Benchmarks;

/// <summary>
/// The offices' pages after the ingest: each office signs in through the sign-in form (a cookie
/// session, as a browser does) and each page is timed as the median of its repeats, against the
/// target of 300 ms.
/// </summary>
internal sealed partial class PagesPhase(BenchRun run)
{
    public async Task RunAsync(BenchServer server, string district)
    {
        var repeats = run.Options.Quick ? 1 : 5;
        var financeToken = await server.TokenAsync(Principal.Finance);
        var firstAgreement = await FirstAgreementAsync(server, financeToken);
        using var finance = await SignInAsync(server, financeToken);
        using var tax = await SignInAsync(server, await server.TokenAsync(Principal.Tax));
        using var statistics = await SignInAsync(server, await server.TokenAsync(Principal.Statistics));
        using var office = await SignInAsync(server, await server.TokenAsync(Principal.ForDistrict(DistrictCode.Parse(district))));

        await PageAsync(finance, "page: agreements (finance)", "/agreements", repeats);
        await PageAsync(finance, "page: one agreement with audit trail and lifecycle", $"/agreements/{firstAgreement}", repeats);
        await PageAsync(finance, "page: approval queue", "/finance/approvals", repeats);
        await PageAsync(finance, "page: year-end settlement with charts", "/finance/settlement?year=2025", repeats);
        await PageAsync(finance, "page: allocations of one district for a month (finance)", "/allocations?from=2025-06&to=2025-06", repeats);
        await PageAsync(statistics, "page: reconciliation of a month (statistics)", "/reconciliation?month=2025-06", repeats);
        await PageAsync(tax, "page: review queue (tax)", "/reviews", repeats);
        await PageAsync(tax, "page: one month's review and entries (tax)", $"/agreements/{firstAgreement}/months/2025-06", repeats);
        await PageAsync(office, "page: agreements (district)", "/agreements", repeats);
        await PageAsync(office, "page: allocations of a district for a month", "/allocations?from=2025-06&to=2025-06", repeats);
        await PageAsync(office, "page: district statement for the year, by month", "/statement?from=2025-01&to=2025-12", repeats);
    }

    private static async Task<string> FirstAgreementAsync(BenchServer server, string token)
    {
        using var list = JsonDocument.Parse(await server.Client.SendAsync(HttpMethod.Get, "/api/agreements", token, null, HttpStatusCode.OK));
        return list.RootElement.GetProperty("agreements")[0].GetProperty("id").GetString()!;
    }

    /// <summary>A client holding one office's page session, signed in through the form with its anti-forgery token.</summary>
    private static async Task<HttpClient> SignInAsync(BenchServer server, string token)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server.Client.Http.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var form = await client.GetStringAsync("/signin");
        var antiforgery = AntiforgeryField().Match(form).Groups["value"].Value;
        using var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["Token"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in answered {(int)signIn.StatusCode}");
        }

        return client;
    }

    private async Task PageAsync(HttpClient client, string name, string path, int repeats)
    {
        var times = new List<double>();
        var size = 0;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                run.Failures.Add($"page {path}: {(int)response.StatusCode}");
                return;
            }

            size = body.Length;
            times.Add(Stats.Ms(watch));
        }

        run.Rows.Add((name, $"{Stats.Percentile(times, 0.5):F0} ms (max {times.Max():F0})", "< 300 ms", $"median of {repeats}; GET {path}, {size / 1024} KiB page"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
