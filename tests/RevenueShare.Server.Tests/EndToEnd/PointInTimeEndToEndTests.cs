using System.Net;
using NodaTime;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// <c>asOf</c> through HTTP (docs/interfaces.md, point-in-time reads): asked about an instant, every
/// report route answers, byte for byte in JSON and CSV, what it answered at that instant, whatever was
/// restated or amended since; a malformed or future instant is a 400 problem at the path <c>asOf</c>.
/// </summary>
public sealed class PointInTimeEndToEndTests
{
    private const string January = "2025-01";

    [Fact]
    public async Task Asked_as_of_an_instant_before_a_restatement_every_report_answers_as_it_did_then()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 40);
        await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"], "60", "40"));
        await ledger.BookAsync(
            Tax,
            Report("pit-01", enterprise, "vat", "2025-01", "600.00"),
            Report("pit-02", enterprise, "vat", "2025-02", "400.00"),
            Report("pit-03", enterprise, "vat", "2025-03", "100.00"));
        var then = await AnswersAsync(ledger, null);

        // Booked half a second after the instant asked about: as text, "…:01.5Z" sorts before "…:01Z".
        ledger.Server.Clock.Reset(Now + Duration.FromMilliseconds(1500));
        await ledger.BookAsync(Tax, Report("pit-01-r2", enterprise, "vat", "2025-01", "500.00", revision: 2));
        var now = await AnswersAsync(ledger, null);

        Assert.Equal(then, await AnswersAsync(ledger, "2026-11-27T00:00:01Z"));
        Assert.Equal(then, await AnswersAsync(ledger, "2026-11-27T08:00:01+08:00"));
        Assert.All(Reads.Zip(then, now), r => Assert.True(r.Second != r.Third, $"{r.First.Path} did not change with the restatement"));

        // At the restatement's own instant it is booked: "at or before".
        Assert.Equal(now, await AnswersAsync(ledger, "2026-11-27T00:00:01.5Z"));
    }

    [Fact]
    public async Task Asked_as_of_an_instant_before_an_amendment_was_approved_every_report_leaves_out_its_adjustments()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 41);
        var id = await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"], "60", "40"));
        await ledger.BookAsync(
            Tax,
            Report("pit-a-01", enterprise, "vat", "2025-01", "600.00"),
            Report("pit-a-02", enterprise, "vat", "2025-02", "300.00"),
            Report("pit-a-03", enterprise, "vat", "2025-03", "100.00"));
        var then = await AnswersAsync(ledger, null);

        ledger.Server.Clock.Reset(Now + Duration.FromHours(1));
        var amendment = new
        {
            from = January,
            terms = new[] { new { indicators = new[] { "vat" }, mode = "split", schedule = new[] { new { from = January, ratios = new Dictionary<string, string> { [Tianhe] = "50", [Huangpu] = "50" } } } } },
        };
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments", District(Huangpu), amendment);
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/1/countersign", District(Tianhe));
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/1/approve", Finance, new { reason = "比例调整" });
        var now = await AnswersAsync(ledger, null);
        Assert.Contains(await ledger.AllocationsAsync(), e => e.Reason == "amendment 1 took effect");

        Assert.Equal(then, await AnswersAsync(ledger, "2026-11-27T00:30:00Z"));
        Assert.All(Reads.Zip(then, now), r => Assert.True(r.Second != r.Third, $"{r.First.Path} did not change with the amendment"));
    }

    [Theory]
    [InlineData("/api/allocations", "2025-07-01", "not an instant")]
    [InlineData("/api/allocations?format=csv", "2026-11-27T00:00:00", "not an instant")]
    [InlineData("/api/districts/440112/statement?from=2025-01&to=2025-12", "yesterday", "not an instant")]
    [InlineData("/api/reconciliation?month=2025-01", "2026-11-27T00:00:00.000000001Z", "after the ledger's present")]
    [InlineData("/api/reconciliation?month=2025-01&format=csv", "2025-02-30T00:00:00Z", "not an instant")]
    [InlineData("/api/settlement?year=2025", "2027-01-01T00:00:00Z", "after the ledger's present")]
    [InlineData("/api/settlement?year=2025&format=csv", "", "not an instant")]
    public async Task A_malformed_or_future_instant_is_a_problem_at_the_path_asOf(string path, string asOf, string message)
    {
        await using var ledger = await StartAsync();
        var response = await ledger.SendAsync(HttpMethod.Get, WithAsOf(path, asOf), Finance);

        var (problem, _) = await Responses.ProblemAsync(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.Errors);
        Assert.Equal("asOf", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instant_opens_nothing_an_office_may_not_see()
    {
        await using var ledger = await StartAsync();
        var asOf = "2026-11-27T00:00:00Z";
        await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Get, WithAsOf("/api/settlement?year=2025", asOf), Tax), HttpStatusCode.Forbidden);
        await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Get, WithAsOf("/api/districts/440112/statement?from=2025-01&to=2025-12", asOf), District(Tianhe)), HttpStatusCode.Forbidden);
        await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Get, WithAsOf("/api/reconciliation?month=2025-01", asOf), District(Tianhe)), HttpStatusCode.Forbidden);
    }

    /// <summary>Every report route, as an office that may see it, in JSON and CSV (by <c>format</c> and by <c>Accept</c>).</summary>
    private static readonly (string Path, string Office, bool AcceptCsv)[] Reads =
    [
        ("/api/allocations", Finance, false),
        ("/api/allocations?format=csv", Finance, false),
        ($"/api/allocations?district={Tianhe}", District(Tianhe), true),
        ("/api/districts/440112/statement?from=2025-01&to=2025-12", Finance, false),
        ("/api/districts/440112/statement?from=2025-01&to=2025-12&format=csv", District(Huangpu), false),
        ("/api/reconciliation?month=2025-01", Finance, false),
        ("/api/reconciliation?month=2025-01", Finance, true),
        ("/api/settlement?year=2025", Finance, false),
        ("/api/settlement?year=2025&format=csv", District(Tianhe), false),
    ];

    private static async Task<IReadOnlyList<string>> AnswersAsync(LedgerUnderTest ledger, string? asOf)
    {
        var answers = new List<string>();
        foreach (var (path, office, acceptCsv) in Reads)
        {
            using var request = RunningServer.Request(HttpMethod.Get, asOf is null ? path : WithAsOf(path, asOf), await ledger.TokenAsync(office));
            if (acceptCsv)
            {
                request.Headers.Accept.ParseAdd("text/csv");
            }

            var response = await ledger.Server.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {request.RequestUri} as {office}: {(int)response.StatusCode} {body}");
            Assert.Equal(acceptCsv || path.Contains("format=csv", StringComparison.Ordinal) ? "text/csv" : "application/json", response.Content.Headers.ContentType?.MediaType);
            answers.Add(body);
        }

        return answers;
    }

    private static string WithAsOf(string path, string asOf) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "asOf=" + Uri.EscapeDataString(asOf);
}
