using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RevenueShare.Domain;
using RevenueShare.Server.Http;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// The first step of a stop (docs/operations.md, Stop), through the real pipeline: once it has begun,
/// every API request, write or read, is answered 503 problem+json saying nothing was done, with
/// <c>Retry-After</c>; a page gets the Chinese 503 page; ready is red and live green. A stop that
/// begins while the demo loads stays a stop when the demo is done. (The signal itself, the requests
/// in flight and the exit are <c>Crash/GracefulStopTests</c>, on a real process.)
/// </summary>
public sealed class StoppingGateTests
{
    [Fact]
    public async Task Once_the_stop_has_begun_new_requests_are_refused_whole_and_ready_turns_red()
    {
        await using var server = await RunningServer.StartAsync();
        var tax = await server.IssueTokenAsync(Principal.Tax);
        var finance = await server.IssueTokenAsync(Principal.Finance);
        server.App.Services.GetRequiredService<Readiness>().MarkStopping();

        var report = new StringContent(
            """{"reports":[{"reportId":"stop-gate-1","enterprise":"91440112MA5D0000X1","indicator":"vat","month":"2025-01","amount":"1.00","revision":1}]}""",
            Encoding.UTF8, "application/json");
        var booking = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Post, "/api/figures", tax, report));
        var problem = await Problem.ReadAsync(booking, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(Readiness.StoppingDetail, problem.Detail);
        Assert.Equal(TimeSpan.FromSeconds(1), booking.Headers.RetryAfter?.Delta);

        var page = await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);

        var ready = await server.Client.GetAsync("/health/ready");
        Assert.Equal(Readiness.StoppingDetail, (await Problem.ReadAsync(ready, HttpStatusCode.ServiceUnavailable)).Detail);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/agreements", finance))).StatusCode);
    }

    [Fact]
    public void A_stop_that_begins_while_the_demo_loads_stays_a_stop_once_it_is_loaded()
    {
        var readiness = new Readiness("loading the demo");
        Assert.Equal("The service is starting: loading the demo.", readiness.NotReadyDetail);
        readiness.MarkStopping();
        readiness.MarkReady();
        Assert.Equal(Readiness.StoppingDetail, readiness.NotReadyDetail);

        var started = new Readiness(null);
        Assert.Null(started.NotReadyDetail);
        started.MarkStopping();
        Assert.Equal(Readiness.StoppingDetail, started.NotReadyDetail);
    }
}
