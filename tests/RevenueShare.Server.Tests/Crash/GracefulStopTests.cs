using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Http;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using Xunit.Abstractions;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Crash;

/// <summary>
/// <c>revshare serve</c> as a real process, stopped with SIGTERM (as systemd stops it) while four tax
/// clients stream CSV imports at it. Each import the service answered 200 is booked whole and durable;
/// each it refused (503 while stopping, or 429 when the read side fell behind meanwhile) or never took
/// (its connection refused) booked nothing: sent again after a restart, the first are all duplicates
/// and the others all booked — none half-done.
/// Imports in flight when the signal came are finished and answered, the read side holds every
/// acknowledged write before the process exits, and it exits 0 within the stop's bound.
/// </summary>
public sealed class GracefulStopTests(ITestOutputHelper output)
{
    private const int Streams = 4;
    private const int ImportsPerStream = 8;
    private const string Header = "reportId,enterprise,indicator,month,amount,revision\r\n";

    [Fact]
    public async Task Stopped_by_SIGTERM_during_imports_it_answers_those_in_flight_refuses_the_rest_whole_and_exits_caught_up_within_its_bound()
    {
        using var folder = new TempDirectory();
        FigureTraffic traffic;
        string tax, finance;
        await using (var setup = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(folder.Path)))
        {
            traffic = await FigureTraffic.CreateAgreementsAsync(setup, agreements: 4, enterprises: 100);
            tax = await setup.TokenAsync(Tax);
            finance = await setup.TokenAsync(Finance);
        }

        var enterprises = traffic.Enterprises.SelectMany(e => e).ToArray();
        var service = await ServeProcess.StartAsync(folder.Path);
        var imports = new ConcurrentQueue<Import>();
        var inFlight = new InFlight();
        var stopSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, Streams)
            .Select(stream => Task.Run(() => StreamAsync(service.Client.BaseAddress!, tax, enterprises, stream, imports, inFlight, stopSent.Task)))
            .ToArray();

        // SIGTERM once every client had two imports answered, while one has had an import in flight for
        // a while (an import takes about half a second here): its whole body sent, its reports being booked.
        var waiting = Stopwatch.StartNew();
        while (!(Enumerable.Range(0, Streams).All(s => imports.Count(i => i.Stream == s && i.Status == HttpStatusCode.OK) >= 2)
            && inFlight.Longest() > TimeSpan.FromMilliseconds(250)))
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(60), "the imports did not get going:\n" + service.Logs);
            Assert.DoesNotContain(clients, c => c.IsFaulted);
            await Task.Delay(2);
        }

        var signalled = Stopwatch.GetTimestamp();
        stopSent.SetResult();
        var stopping = Stopwatch.StartNew();
        var exitCode = await service.StopAsync(ServeOptions.DefaultShutdownTimeout + TimeSpan.FromSeconds(15));
        stopping.Stop();
        await Task.WhenAll(clients);
        var logs = service.Logs;
        await service.DisposeAsync();

        var all = imports.OrderBy(i => i.Stream).ThenBy(i => i.Revision).ToArray();
        foreach (var import in all)
        {
            output.WriteLine($"stream {import.Stream} r{import.Revision}: {import.Outcome} in {Stopwatch.GetElapsedTime(import.Started, import.Answered).TotalMilliseconds:0} ms{(import.Started < signalled ? ", sent before SIGTERM" : "")}");
        }

        output.WriteLine($"exit {exitCode} {stopping.ElapsedMilliseconds} ms after SIGTERM");
        output.WriteLine(string.Join('\n', logs.Split('\n').Where(line => !line.Contains("\"EventId\":200,", StringComparison.Ordinal))));
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{logs}");
        Assert.True(stopping.Elapsed < ServeOptions.DefaultShutdownTimeout, $"the stop took {stopping.Elapsed}");
        Assert.Contains(all, i => i.Started < signalled && i.Answered > signalled && i.Status == HttpStatusCode.OK);
        Assert.All(all.Where(i => i.Status == HttpStatusCode.OK), i => Assert.All(i.Statuses!.Values, s => Assert.Equal("booked", s)));
        Assert.All(all.Where(i => i.Status is { } status && status != HttpStatusCode.OK), i =>
        {
            // Refused whole, and told so: the stop's 503, or the busy 429 when the read side fell behind
            // while the stop drained the imports in flight (both say nothing was booked).
            Assert.Contains(i.Status, new HttpStatusCode?[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests });
            var problem = JsonDocument.Parse(i.Body!).RootElement;
            if (i.Status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal(Readiness.StoppingDetail, problem.GetProperty("detail").GetString());
            }
            else
            {
                Assert.Equal(ProblemCatalogue.Busy.Uri, problem.GetProperty("type").GetString());
            }
        });
        Assert.Contains(LogEvents(logs), e => e == "Stopping: new requests are answered 503");
        Assert.Contains(LogEvents(logs), e => e == "Stopping: the read side holds every write acknowledged");

        // Started again on the same data, every import sent again in its order, as a client unsure of
        // its answers would: what was answered 200 is all duplicates, everything else books whole.
        service = await ServeProcess.StartAsync(folder.Path);
        foreach (var import in all)
        {
            using var request = ImportRequest(tax, enterprises, import.Stream, import.Revision);
            using var response = await service.Client.SendAsync(request);
            var statuses = await FigureTraffic.StatusesAsync(response);
            var expected = import.Status == HttpStatusCode.OK ? "duplicate" : "booked";
            Assert.All(statuses, s => Assert.True(s.Value == expected, $"stream {import.Stream} r{import.Revision} ({import.Outcome}) resent: {s.Key} {s.Value}, expected {expected}"));
        }

        var sentReports = all.SelectMany(i => ReportIds(enterprises, i.Stream, i.Revision)).ToHashSet(StringComparer.Ordinal);
        var byReport = FigureTraffic.AgreementsByReport(await FigureTraffic.EntriesAsync(service.Client, finance));
        Assert.Equal(sentReports.Order(StringComparer.Ordinal), byReport.Keys.Order(StringComparer.Ordinal));
        Assert.All(byReport, report => Assert.True(report.Value.Count == 1, $"{report.Key} was booked under {string.Join(", ", report.Value)}"));
        await service.DisposeAsync();

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var verified = await RevshareCli.RunAsync(["verify", "--data", folder.Path, "--contracts", TestReference.ContractsDirectory], stdout, stderr);
        Assert.True(verified == ExitCodes.Ok, stdout + "\n" + stderr);
    }

    /// <summary>
    /// One tax client: imports its quarter of vat for every enterprise, revision after revision, each on
    /// a connection of its own, until SIGTERM has been sent and an import was not answered 200. Before
    /// the signal an import the ledger is too busy for (429) is sent again after its <c>Retry-After</c>.
    /// </summary>
    private static async Task StreamAsync(Uri service, string tax, string[] enterprises, int stream, ConcurrentQueue<Import> imports, InFlight inFlight, Task stopSent)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.ConnectionClose = true;
        for (var revision = 1; revision <= ImportsPerStream; revision++)
        {
            var started = Stopwatch.GetTimestamp();
            inFlight.Started(stream, started);
            Import import;
            try
            {
                using var request = ImportRequest(tax, enterprises, stream, revision);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                import = new Import(stream, revision, started, Stopwatch.GetTimestamp(), response.StatusCode, body, null);
            }
            catch (HttpRequestException e)
            {
                import = new Import(stream, revision, started, Stopwatch.GetTimestamp(), null, null, e);
            }
            finally
            {
                inFlight.Finished(stream);
            }

            if (import.Status == HttpStatusCode.TooManyRequests && !stopSent.IsCompleted)
            {
                revision--;
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            imports.Enqueue(import);
            if (import.Status != HttpStatusCode.OK)
            {
                return;
            }
        }
    }

    private static HttpRequestMessage ImportRequest(string tax, string[] enterprises, int stream, int revision)
    {
        var csv = new StringBuilder(Header);
        for (var e = 0; e < enterprises.Length; e++)
        {
            foreach (var month in Months(stream))
            {
                var amount = string.Create(CultureInfo.InvariantCulture, $"{1000 + (e * 37) + (month * 113) + (revision * 211)}.{((e * 7) + month + revision) % 100:D2}");
                csv.Append(CultureInfo.InvariantCulture, $"{ReportId(stream, month, e, revision)},{enterprises[e]},vat,2025-{month:D2},{amount},{revision}\r\n");
            }
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/figures/import") { Content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tax);
        return request;
    }

    private static IEnumerable<string> ReportIds(string[] enterprises, int stream, int revision) =>
        Enumerable.Range(0, enterprises.Length).SelectMany(e => Months(stream).Select(month => ReportId(stream, month, e, revision)));

    /// <summary>Each client reports its own quarter.</summary>
    private static IEnumerable<int> Months(int stream) => Enumerable.Range((stream * 3) + 1, 3);

    private static string ReportId(int stream, int month, int enterprise, int revision) =>
        string.Create(CultureInfo.InvariantCulture, $"stop-{stream}-{month:D2}-{enterprise:D3}-r{revision}");

    /// <summary>The messages of the JSON log lines, up to their first comma or parenthesis (their variable part).</summary>
    private static IEnumerable<string> LogEvents(string logs) =>
        logs.Split('\n')
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString()!)
            .Select(message => message.Split([',', '(', ';'])[0].Trim());

    private sealed record Import(int Stream, int Revision, long Started, long Answered, HttpStatusCode? Status, string? Body, HttpRequestException? Failure)
    {
        public IReadOnlyDictionary<string, string>? Statuses =>
            Body is null || Status != HttpStatusCode.OK
                ? null
                : JsonDocument.Parse(Body).RootElement.GetProperty("results").EnumerateArray()
                    .ToDictionary(r => r.GetProperty("reportId").GetString()!, r => r.GetProperty("status").GetString()!, StringComparer.Ordinal);

        public string Outcome => Status is { } status ? $"{(int)status}" : $"no answer ({Failure!.HttpRequestError}: {Failure.Message})";
    }

    /// <summary>When each client's import in flight was sent.</summary>
    private sealed class InFlight
    {
        private readonly ConcurrentDictionary<int, long> sent = new();

        public void Started(int stream, long at) => sent[stream] = at;

        public void Finished(int stream) => sent.TryRemove(stream, out _);

        public TimeSpan Longest() => sent.Values.Select(at => Stopwatch.GetElapsedTime(at)).DefaultIfEmpty(TimeSpan.Zero).Max();
    }
}
