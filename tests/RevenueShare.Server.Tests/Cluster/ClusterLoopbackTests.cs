using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.Crash;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Tests.Postgres;
using Xunit.Abstractions;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Cluster;

/// <summary>
/// Three <c>revshare serve --cluster</c> processes on loopback and one PostgreSQL store, under figure
/// traffic spread over them: the oldest node (which runs the singletons and the projection) is killed
/// with SIGKILL during a batch, and later another leaves with SIGTERM during one. Every batch is
/// answered by a survivor within <see cref="AnswerBound"/> of the loss, every acknowledged report is
/// booked exactly once, every resend is a duplicate, and the ledger equals one node's run of the
/// same traffic (docs/operations.md, Running a cluster).
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class ClusterLoopbackTests(PostgresFixture postgres, ITestOutputHelper output)
{
    /// <summary>
    /// How soon after a node is lost the survivors answer a batch, with <c>--down-after 2</c>: the
    /// failure detector's 3 s, the resolver's 2 s, the singletons' and shards' moves and the
    /// projection's catch-up, with room for a loaded two-core machine.
    /// </summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Three_nodes_lose_one_to_kill_9_and_one_to_a_graceful_stop_under_traffic_and_end_equal_to_a_single_node()
    {
        var store = StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("cluster"));
        FigureTraffic traffic;
        string tax, finance;
        await using (var setup = await LedgerUnderTest.StartAsync(store))
        {
            traffic = await FigureTraffic.CreateAgreementsAsync(setup, agreements: 4, enterprises: 6);
            tax = await setup.TokenAsync(Tax);
            finance = await setup.TokenAsync(Finance);
        }

        var ports = FreePorts(3);
        var seed = Endpoint(ports[0]);
        var nodes = new List<ServeProcess>();
        try
        {
            foreach (var port in ports)
            {
                nodes.Add(await ServeProcess.StartAsync(["--postgres", store.JournalConnectionString, "--cluster", Endpoint(port), "--seed", seed, "--down-after", "2"]));
            }

            var batches = traffic.Batches();
            var acknowledged = new HashSet<string>(StringComparer.Ordinal);
            var alive = nodes.ToList();
            for (var i = 0; i < batches.Count; i++)
            {
                var batch = batches[i];
                if (i == 5)
                {
                    // kill -9 the oldest node while it books a batch; the batch is sent again to the survivors.
                    var oldest = alive[0];
                    var sent = SendAsync(oldest, FigureTraffic.BatchRequest(batch, tax));
                    await Task.WhenAny(sent, Task.Delay(TimeSpan.FromMilliseconds(30)));
                    await oldest.KillAsync();
                    var lost = Stopwatch.StartNew();
                    alive.Remove(oldest);
                    Acknowledge(acknowledged, await AnsweredAsync(alive, batch, tax), only: ["booked", "duplicate"]);
                    output.WriteLine($"oldest node killed: the survivors answered after {lost.ElapsedMilliseconds} ms");
                    Assert.True(lost.Elapsed < AnswerBound, $"answered {lost.Elapsed} after the kill");
                }
                else if (i == 10)
                {
                    // One of the two survivors is stopped (SIGTERM: it leaves the cluster) while the other books.
                    var leaving = alive[1];
                    var stopped = leaving.StopAsync(TimeSpan.FromSeconds(60));
                    var left = Stopwatch.StartNew();
                    alive.Remove(leaving);
                    Acknowledge(acknowledged, await AnsweredAsync(alive, batch, tax), only: ["booked"]);
                    await stopped;
                    output.WriteLine($"a node left: its stop took {left.ElapsedMilliseconds} ms");
                }
                else
                {
                    Acknowledge(acknowledged, await AnsweredAsync([alive[i % alive.Count]], batch, tax), only: ["booked"]);
                }

                if (i == 3)
                {
                    // A reportId just booked through node 0, reused for another agreement's figure through node 1, whose first batch came before.
                    var (reportId, reused) = ReusedElsewhere(batches[3], traffic);
                    using var refused = await alive[1].Client.SendAsync(FigureTraffic.BatchRequest([reused], tax));
                    var problem = await refused.Content.ReadAsStringAsync();
                    Assert.True(refused.StatusCode == HttpStatusCode.Conflict, problem);
                    Assert.Contains($"reportId '{reportId}' was already used for a figure of agreement {traffic.Agreements[0]}", problem, StringComparison.Ordinal);
                }
            }

            var everything = batches.SelectMany(FigureTraffic.ReportIds).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(everything.Order(StringComparer.Ordinal), acknowledged.Order(StringComparer.Ordinal));
            var survivor = alive.Single();
            var entries = await FigureTraffic.EntriesAsync(survivor.Client, finance);
            var byReport = FigureTraffic.AgreementsByReport(entries);
            Assert.Equal(everything.Order(StringComparer.Ordinal), byReport.Keys.Order(StringComparer.Ordinal));
            Assert.All(byReport, report => Assert.True(report.Value.Count == 1, $"{report.Key} was booked under {string.Join(", ", report.Value)}"));
            Assert.Equal(await SingleNodeRunAsync(batches, traffic), entries);

            foreach (var batch in batches)
            {
                var statuses = await AnsweredAsync(alive, batch, tax);
                Assert.All(statuses, s => Assert.True(s.Value == "duplicate", $"{s.Key} resent: {s.Value}"));
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                output.WriteLine(node.Output.Length > 4000 ? node.Output[^4000..] : node.Output);
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>The first report of <paramref name="batch"/> under its reportId, for an enterprise of another agreement.</summary>
    private static (string ReportId, JsonObject Report) ReusedElsewhere(JsonObject[] batch, FigureTraffic traffic)
    {
        var first = batch[0];
        var reportId = (string)first["reportId"]!;
        var owner = traffic.Enterprises.Select((codes, a) => (codes, a)).Single(e => e.codes.Contains((string)first["enterprise"]!)).a;
        var other = traffic.Enterprises[(owner + 1) % traffic.Enterprises.Count][0];
        // cit, which the traffic never sends: only the reportId stands in the way of booking it.
        return (reportId, Docs.Report(reportId, other, "cit", (string)first["month"]!, "1.00"));
    }

    /// <summary>The same agreements and batches, in the same order, on one node of its own that never stopped.</summary>
    private static async Task<IReadOnlyList<string>> SingleNodeRunAsync(IReadOnlyList<JsonObject[]> batches, FigureTraffic clustered)
    {
        await using var single = await LedgerUnderTest.StartAsync();
        var traffic = await FigureTraffic.CreateAgreementsAsync(single, clustered.Agreements.Count, clustered.Enterprises[0].Count);
        Assert.Equal(clustered.Agreements, traffic.Agreements);
        var tax = await single.TokenAsync(Tax);
        foreach (var batch in batches)
        {
            using var response = await single.Server.Client.SendAsync(FigureTraffic.BatchRequest(batch, tax));
            Assert.All(await FigureTraffic.StatusesAsync(response), s => Assert.Equal("booked", s.Value));
        }

        return await FigureTraffic.EntriesAsync(single.Server.Client, await single.TokenAsync(Finance));
    }

    /// <summary>
    /// Sends the batch to the nodes in turn until one answers it (200), as a reporter would after a
    /// refused connection, a timeout or a 5xx; gives up after <see cref="AnswerBound"/>.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> AnsweredAsync(List<ServeProcess> nodes, JsonObject[] batch, string token)
    {
        var trying = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var node = nodes[attempt % nodes.Count];
            try
            {
                using var request = FigureTraffic.BatchRequest(batch, token);
                using var response = await node.Client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return await FigureTraffic.StatusesAsync(response);
                }

                output.WriteLine($"attempt {attempt}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                output.WriteLine($"attempt {attempt}: {e.GetType().Name} {e.Message}");
            }

            Assert.True(trying.Elapsed < AnswerBound, $"no node answered the batch within {AnswerBound}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> SendAsync(ServeProcess node, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await node.Client.SendAsync(request);
            return await FigureTraffic.StatusesAsync(response);
        }
    }

    private static void Acknowledge(HashSet<string> acknowledged, IReadOnlyDictionary<string, string> statuses, string[] only)
    {
        foreach (var (reportId, status) in statuses)
        {
            Assert.True(only.Contains(status), $"{reportId}: {status}, expected {string.Join(" or ", only)}");
            acknowledged.Add(reportId);
        }
    }

    private static string Endpoint(int port) => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ports free on loopback now, for the nodes' cluster endpoints.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
