using System.Globalization;
using System.Net;
using System.Text.Json;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// Review through HTTP (docs/review.md, docs/corrections.md): the family's office approves a month,
/// which locks it; a restatement that would change it — directly or through the cap carried from an
/// earlier month — is refused and books nothing until the month is reopened with a reason. Rights as
/// docs/users-and-rights.md.
/// </summary>
public sealed class ReviewEndToEndTests
{
    [Fact]
    public async Task Approve_then_a_restatement_is_refused_then_reopen_books_it_as_adjustments_then_approve_again()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 40);
        var id = await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"], "60", "40", cap: Cap("500.00", "vat")));
        await ledger.BookAsync(
            Tax,
            Report("rv-01", enterprise, "vat", "2025-01", "600.00"),
            Report("rv-02", enterprise, "vat", "2025-02", "400.00"),
            Report("rv-03", enterprise, "vat", "2025-03", "100.00"));
        var reviews = $"/api/agreements/{id}/months/2025-02/reviews";

        var approved = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Tax, new { decision = "approve" });
        var tax = Assert.Single(approved.GetProperty("families").EnumerateArray());
        Assert.Equal(("tax", "approved", true), (tax.GetProperty("family").GetString(), tax.GetProperty("status").GetString(), tax.GetProperty("locked").GetBoolean()));
        var before = await ledger.AllocationsAsync();

        // Directly, and through the cap January's restatement would free for February: both refused.
        foreach (var restatement in new[]
        {
            Report("rv-02-r2", enterprise, "vat", "2025-02", "450.00", revision: 2),
            Report("rv-01-r2", enterprise, "vat", "2025-01", "500.00", revision: 2),
        })
        {
            var (_, body) = await Responses.ProblemAsync(await ledger.PostFiguresAsync(Tax, restatement), HttpStatusCode.Conflict);
            var error = body.GetProperty("results")[0].GetProperty("error");
            Assert.EndsWith("month-locked", error.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Contains("2025-02 (tax) is approved in review; reopen it first", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("2025-01 (tax)", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before.Select(e => e.Raw.GetRawText()), (await ledger.AllocationsAsync()).Select(e => e.Raw.GetRawText()));

        var (noReason, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Post, reviews, Tax, new { decision = "reopen" }), HttpStatusCode.BadRequest);
        Assert.Contains(noReason.Errors, e => e.Path == "$.reason");
        var reopened = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Tax, new { decision = "reopen", reason = "企业更正一月申报" });
        Assert.Equal("reopened", reopened.GetProperty("families")[0].GetProperty("status").GetString());

        await ledger.BookAsync(Tax, Report("rv-01-r2", enterprise, "vat", "2025-01", "500.00", revision: 2));
        var adjustments = (await ledger.AllocationsAsync()).Where(e => e.Kind == "adjustment" && e.Amount != 0).Select(a => (a.Month, a.District, a.Amount)).Order();
        Assert.Equal([("2025-01", Tianhe, -60.00m), ("2025-01", Huangpu, -40.00m), ("2025-02", Tianhe, 60.00m), ("2025-02", Huangpu, -60.00m)], adjustments);

        var again = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Tax, new { decision = "approve", reason = "更正后复核" });
        var history = again.GetProperty("families")[0].GetProperty("history").EnumerateArray()
            .Select(h => (h.GetProperty("decision").GetString(), h.GetProperty("reason").GetString(), h.GetProperty("by").GetString()));
        Assert.Equal([("approve", null, Tax), ("reopen", "企业更正一月申报", Tax), ("approve", "更正后复核", Tax)], history);
        var (_, lockedAgain) = await Responses.ProblemAsync(
            await ledger.PostFiguresAsync(Tax, Report("rv-02-r2", enterprise, "vat", "2025-02", "450.00", revision: 2)), HttpStatusCode.Conflict);
        Assert.EndsWith("month-locked", lockedAgain.GetProperty("results")[0].GetProperty("error").GetProperty("type").GetString(), StringComparison.Ordinal);

        // The review history is in the audit trail, with its reasons; statistics does not see tax reviews.
        var events = (await ledger.GetAsync($"/api/agreements/{id}/events", Finance)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "month-reviewed")
            .Select(e => (e.GetProperty("by").GetString(), e.GetProperty("reason").GetString()));
        Assert.Equal([(Tax, null), (Tax, "企业更正一月申报"), (Tax, "更正后复核")], events);
        var seenByStatistics = (await ledger.GetAsync($"/api/agreements/{id}/events", Statistics)).GetProperty("events").EnumerateArray();
        Assert.DoesNotContain(seenByStatistics, e => e.GetProperty("type").GetString() == "month-reviewed");
    }

    [Fact]
    public async Task A_restatement_of_an_earlier_unlocked_month_that_would_ripple_into_a_locked_month_is_refused_and_another_enterprise_still_books()
    {
        await using var ledger = await StartAsync();
        var capped = CreditCode(Huangpu, 42);
        var other = CreditCode(Huangpu, 43);
        var id = await ledger.CreateActiveAsync(Agreement(
            "封顶与基数 复核",
            [Tianhe, Huangpu],
            [Enterprise(capped, Huangpu, baselines: new() { ["cit"] = "1000.00" }, cap: Cap("500.00", "vat")), Enterprise(other, Huangpu)],
            [Term(["vat", "cit"], [(Tianhe, "60"), (Huangpu, "40")])]));
        await ledger.BookAsync(
            Tax,
            Report("rp-vat-01", capped, "vat", "2025-01", "600.00"),
            Report("rp-vat-02", capped, "vat", "2025-02", "400.00"),
            Report("rp-cit-01", capped, "cit", "2025-01", "600.00"),
            Report("rp-cit-02", capped, "cit", "2025-02", "600.00"));
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/months/2025-02/reviews", Tax, new { decision = "approve" });
        var before = await ledger.AllocationsAsync();

        // January is not locked, but the cap (vat) and the annual baseline (cit) carry it into February.
        var response = await ledger.PostFiguresAsync(
            Tax,
            Report("rp-vat-01-r2", capped, "vat", "2025-01", "500.00", revision: 2),
            Report("rp-cit-01-r2", capped, "cit", "2025-01", "700.00", revision: 2),
            Report("rp-other-01", other, "vat", "2025-01", "100.00"));
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("results").EnumerateArray().ToArray();

        Assert.Equal(["rejected", "rejected", "booked"], results.Select(r => r.GetProperty("status").GetString()));
        foreach (var refused in results[..2])
        {
            Assert.EndsWith("month-locked", refused.GetProperty("error").GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Contains("2025-02 (tax)", refused.GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var after = await ledger.AllocationsAsync();
        Assert.Equal(before.Select(e => e.Raw.GetRawText()), after.Where(e => e.Enterprise != other).Select(e => e.Raw.GetRawText()));
        Assert.Equal([(Tianhe, 60.00m), (Huangpu, 40.00m)], after.Where(e => e.Enterprise == other).Select(e => (e.District, e.Amount)));
    }

    [Fact]
    public async Task Only_the_family_office_reviews_and_only_the_agreement_s_readers_see_reviews()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 41);
        var id = await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"], "60", "40"));
        await ledger.BookAsync(Tax, Report("rr-02", enterprise, "vat", "2025-02", "100.00"));
        var reviews = $"/api/agreements/{id}/months/2025-02/reviews";
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Tax, new { decision = "dispute", reason = "数额存疑" });

        var cases = new (string Method, string Path, string Office, object? Body, HttpStatusCode Status, string? Field)[]
        {
            ("POST", reviews, Finance, new { decision = "approve" }, HttpStatusCode.Forbidden, null),
            ("POST", reviews, District(Tianhe), new { decision = "approve" }, HttpStatusCode.Forbidden, null),
            ("POST", reviews, District(Huangpu), new { decision = "approve" }, HttpStatusCode.Forbidden, null),
            ("POST", reviews, District(Baiyun), new { decision = "approve" }, HttpStatusCode.NotFound, null),
            ("GET", reviews, District(Baiyun), null, HttpStatusCode.NotFound, null),
            ("GET", $"/api/agreements/GZ-2099-0001/months/2025-02/reviews", Tax, null, HttpStatusCode.NotFound, null),
            ("POST", $"/api/agreements/{id}/months/2025-13/reviews", Tax, new { decision = "approve" }, HttpStatusCode.BadRequest, "month"),
            ("GET", $"/api/agreements/{id}/months/Feb/reviews", Tax, null, HttpStatusCode.BadRequest, "month"),
            ("POST", reviews, Tax, new { decision = "ok" }, HttpStatusCode.BadRequest, "$.decision"),
            ("POST", reviews, Tax, new { reason = "x" }, HttpStatusCode.BadRequest, "$.decision"),
            ("POST", reviews, Tax, new { decision = "dispute" }, HttpStatusCode.BadRequest, "$.reason"),
            ("POST", reviews, Tax, new { decision = "reopen", reason = "未批准" }, HttpStatusCode.Conflict, null),
            ("POST", $"/api/agreements/{id}/months/2027-01/reviews", Tax, new { decision = "approve" }, HttpStatusCode.Conflict, null),
        };
        foreach (var @case in cases)
        {
            var response = await ledger.SendAsync(new HttpMethod(@case.Method), @case.Path, @case.Office, @case.Body);
            var (problem, _) = await Responses.ProblemAsync(response, @case.Status);
            if (@case.Field is not null)
            {
                Assert.True(problem.Errors.Any(e => e.Path == @case.Field), $"{@case.Method} {@case.Path} as {@case.Office}: no error at {@case.Field}");
            }
        }

        // statistics reviews its own family only: approving February leaves the tax review as it was.
        var statistics = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Statistics, new { decision = "approve" });
        Assert.Equal(["statistics approved"], Families(statistics));
        Assert.Equal(["tax disputed"], Families(await ledger.GetAsync(reviews, Tax)));
        Assert.Equal(["tax disputed", "statistics approved"], Families(await ledger.GetAsync(reviews, Finance)));
        Assert.Equal(["tax disputed", "statistics approved"], Families(await ledger.GetAsync(reviews, District(Tianhe))));
        await ledger.BookAsync(Tax, Report("rr-02-r2", enterprise, "vat", "2025-02", "120.00", revision: 2));
    }

    // A route's id that is no AgreementId never reaches the ledger, and must not be told apart from
    // an id never given out: both answer 404 with the same problem, naming the id as written.
    [Theory]
    [InlineData("GZ-2025-1")]
    [InlineData("gz-2025-0001")]
    [InlineData("440106")]
    public async Task An_id_of_the_wrong_shape_answers_as_an_unknown_id(string malformed)
    {
        await using var ledger = await StartAsync();
        foreach (var route in new[] { "/api/agreements/{0}", "/api/agreements/{0}/events", "/api/agreements/{0}/months/2025-02/reviews" })
        {
            var (unknown, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Get, string.Format(CultureInfo.InvariantCulture, route, "GZ-2099-0001"), Finance, null), HttpStatusCode.NotFound);
            var (wrong, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Get, string.Format(CultureInfo.InvariantCulture, route, Uri.EscapeDataString(malformed)), Finance, null), HttpStatusCode.NotFound);
            Assert.Equal(unknown.Detail!.Replace("GZ-2099-0001", malformed, StringComparison.Ordinal), wrong.Detail);
            Assert.Equal((unknown.Type, unknown.Title), (wrong.Type, wrong.Title));
        }
    }

    [Fact]
    public async Task The_history_of_each_family_is_answered_from_the_read_side_in_journal_order_and_is_the_same_after_a_restart()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 46);
        var id = await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"]));
        var reviews = $"/api/agreements/{id}/months/2025-02/reviews";
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Tax, new { decision = "dispute", reason = "金额待核" });
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Statistics, new { decision = "approve" });
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/months/2025-03/reviews", Tax, new { decision = "approve" });
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, reviews, Tax, new { decision = "approve", reason = "已核" });
        var before = await ledger.GetTextAsync(reviews, Finance);

        await ledger.RestartAsync();

        Assert.Equal(before, await ledger.GetTextAsync(reviews, Finance));
        var families = (await ledger.GetAsync(reviews, Finance)).GetProperty("families").EnumerateArray()
            .ToDictionary(f => f.GetProperty("family").GetString()!, f => f.GetProperty("history").EnumerateArray().ToArray());
        Assert.Equal([("dispute", "金额待核"), ("approve", "已核")], families["tax"].Select(h => (h.GetProperty("decision").GetString(), h.GetProperty("reason").GetString())));
        Assert.Equal([("approve", Statistics)], families["statistics"].Select(h => (h.GetProperty("decision").GetString(), h.GetProperty("by").GetString())));

        // Each decision is at its event's sequence number: tax's two around statistics' one and March's.
        var sequences = families.Values.SelectMany(h => h).Select(h => h.GetProperty("sequence").GetInt64()).Order().ToArray();
        Assert.Equal(families["tax"].Select(h => h.GetProperty("sequence").GetInt64()), [sequences[0], sequences[^1]]);
        Assert.Equal(3, sequences[^1] - sequences[0]);
    }

    private static string[] Families(JsonElement body) =>
        [.. body.GetProperty("families").EnumerateArray().Select(f => $"{f.GetProperty("family").GetString()} {f.GetProperty("status").GetString()}")];
}
