using System.Net;
using System.Text.Json;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// An agreement's whole life through HTTP with the offices' own tokens (docs/agreements.md, Lifecycle):
/// proposal, signatures, approval, suspension, resumption, termination, amendments, the refusal paths,
/// the audit trail and the exported graph, and the overlap refusal that names the agreement collided
/// with.
/// </summary>
public sealed class LifecycleEndToEndTests
{
    private static readonly string Enterprise = CreditCode(Baiyun, 1);

    private static System.Text.Json.Nodes.JsonObject ThreeParty(string title = "天河 + 白云、花都 三方测试协议") =>
        Agreement(
            title,
            [Tianhe, Baiyun, Huadu],
            [Docs.Enterprise(Enterprise, Baiyun)],
            [Term(["vat"], [(Tianhe, "40"), (Baiyun, "30"), (Huadu, "30")])]);

    [Fact]
    public async Task An_agreement_goes_from_draft_to_terminated_and_the_trail_records_every_step()
    {
        await using var ledger = await StartAsync();
        var proposer = District(Tianhe);
        var document = ThreeParty("初稿");

        var id = await ledger.CreateAsync(document);
        document["title"] = "天河 + 白云、花都 三方测试协议（修订稿）";
        var edited = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/agreements/{id}", proposer, document);
        Assert.Equal("天河 + 白云、花都 三方测试协议（修订稿）", edited.GetProperty("title").GetString());
        Assert.Equal("Draft", edited.GetProperty("state").GetString());

        Assert.Equal("AwaitingCountersign", (await ledger.FireAsync(id, "submit", proposer)).GetProperty("state").GetString());
        var middle = await ledger.FireAsync(id, "countersign", District(Baiyun));
        Assert.Equal("AwaitingCountersign", middle.GetProperty("state").GetString());
        var last = await ledger.FireAsync(id, "countersign", District(Huadu));
        Assert.Equal("AwaitingApproval", last.GetProperty("state").GetString());
        Assert.Equal<string>([Tianhe, Baiyun, Huadu], last.GetProperty("signatures").EnumerateArray().Select(s => s.GetString()!));

        var approved = await ledger.FireAsync(id, "approve", Finance, new { reason = "符合联动共享政策" });
        Assert.Equal("Active", approved.GetProperty("state").GetString());
        Assert.Equal("Running", approved.GetProperty("substate").GetString());
        await ledger.BookAsync(Tax, Report("jan", Enterprise, "vat", "2025-01", "100.00"));

        var suspended = await ledger.FireAsync(id, "suspend", Finance, new { from = "2025-06", reason = "企业停产整顿" });
        Assert.Equal("Suspended", suspended.GetProperty("state").GetString());
        var refused = await ledger.PostFiguresAsync(Tax, Report("jun", Enterprise, "vat", "2025-06", "100.00"));
        var (problem, body) = await Responses.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.EndsWith("month-not-open", ResultError(body, 0).GetProperty("type").GetString(), StringComparison.Ordinal);
        await ledger.BookAsync(Tax, Report("may", Enterprise, "vat", "2025-05", "100.00"));

        Assert.Equal("Active", (await ledger.FireAsync(id, "resume", Finance, new { reason = "整改完成" })).GetProperty("state").GetString());
        var terminated = await ledger.FireAsync(id, "terminate", Finance, new { from = "2026-01", reason = "企业注销" });
        Assert.Equal("Terminated", terminated.GetProperty("state").GetString());
        Assert.Equal("2026-01", terminated.GetProperty("terminatedFrom").GetString());
        var afterEnd = await ledger.PostFiguresAsync(Tax, Report("feb-26", Enterprise, "vat", "2026-02", "100.00"));
        await Responses.ProblemAsync(afterEnd, HttpStatusCode.Conflict);

        // A final state refuses every trigger, naming the state.
        var again = await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/resume", Finance, new { reason = "再试" });
        var (refusal, _) = await Responses.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("Terminated", refusal.Detail, StringComparison.Ordinal);

        var events = (await ledger.GetAsync($"/api/agreements/{id}/events", proposer)).GetProperty("events").EnumerateArray().ToArray();
        var types = events.Select(e => e.GetProperty("type").GetString()!).ToArray();
        Assert.Equal<string>(
            ["agreement-created", "draft-edited", "agreement-submitted", "agreement-countersigned", "agreement-countersigned",
             "agreement-approved", "figures-booked", "agreement-suspended", "figures-booked", "agreement-resumed", "agreement-terminated"],
            types);
        Assert.All(events, e => Assert.Equal("2026-11-27T00:00:00Z", e.GetProperty("at").GetString()));
        Assert.Equal<string>(
            [proposer, proposer, proposer, District(Baiyun), District(Huadu), Finance, Tax, Finance, Tax, Finance, Finance],
            events.Select(e => e.GetProperty("by").GetString()!));
        Assert.Equal("符合联动共享政策", events[5].GetProperty("reason").GetString());
        Assert.Equal("企业停产整顿", events[7].GetProperty("reason").GetString());
        Assert.Equal("整改完成", events[9].GetProperty("reason").GetString());
        Assert.Equal("企业注销", events[10].GetProperty("reason").GetString());

        var mermaid = await ledger.SendAsync(HttpMethod.Get, $"/api/agreements/{id}/lifecycle?format=mermaid", District(Huadu));
        var mermaidText = await mermaid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, mermaid.StatusCode);
        Assert.StartsWith("stateDiagram", mermaidText.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Terminated", mermaidText, StringComparison.Ordinal);
        Assert.Contains("AwaitingCountersign", mermaidText, StringComparison.Ordinal);
        Assert.Contains("[*] --> Terminated", mermaidText, StringComparison.Ordinal); // the current state is marked
        var dot = await ledger.SendAsync(HttpMethod.Get, $"/api/agreements/{id}/lifecycle?format=dot", Finance);
        var dotText = await dot.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, dot.StatusCode);
        Assert.StartsWith("digraph", dotText.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Suspended", dotText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amendment_is_proposed_countersigned_and_approved_and_its_ratios_apply_from_its_month()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 2);
        var id = await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"], "50", "50"));
        var amendment = new
        {
            from = "2026-01",
            terms = new[] { new { indicators = new[] { "vat" }, mode = "split", schedule = new[] { new { from = "2026-01", ratios = new Dictionary<string, string> { [Tianhe] = "30", [Huangpu] = "70" } } } } },
        };

        var proposed = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments", District(Huangpu), amendment);
        Assert.Equal("AmendmentAwaitingCountersign", proposed.GetProperty("substate").GetString());
        var number = proposed.GetProperty("amendments")[0].GetProperty("number").GetInt32();
        var signed = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/{number}/countersign", District(Tianhe));
        Assert.Equal("AmendmentAwaitingApproval", signed.GetProperty("substate").GetString());
        var approved = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/{number}/approve", Finance, new { reason = "比例调整" });
        Assert.Equal("Running", approved.GetProperty("substate").GetString());
        Assert.Equal("Approved", approved.GetProperty("amendments")[0].GetProperty("status").GetString());

        await ledger.BookAsync(Tax, Report("dec-25", enterprise, "vat", "2025-12", "100.00"), Report("jan-26", enterprise, "vat", "2026-01", "100.00"));
        var entries = await ledger.AllocationsAsync();
        Assert.Equal(new Dictionary<string, decimal> { [Tianhe] = 50.00m, [Huangpu] = 50.00m }, Entry.Current(entries, enterprise, "vat", "2025-12"));
        Assert.Equal(new Dictionary<string, decimal> { [Tianhe] = 30.00m, [Huangpu] = 70.00m }, Entry.Current(entries, enterprise, "vat", "2026-01"));

        var types = (await ledger.GetAsync($"/api/agreements/{id}/events", Finance)).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToArray();
        Assert.Contains("amendment-proposed", types);
        Assert.Contains("amendment-countersigned", types);
        Assert.Contains("amendment-approved", types);
    }

    [Fact]
    public async Task Amendments_can_be_rejected_by_finance_or_withdrawn_by_their_proposer()
    {
        await using var ledger = await StartAsync();
        var id = await ledger.CreateActiveAsync(TwoParty(CreditCode(Huangpu, 3), ["vat"]));
        var amendment = new
        {
            from = "2026-01",
            terms = new[] { new { indicators = new[] { "vat" }, mode = "split", schedule = new[] { new { from = "2026-01", ratios = new Dictionary<string, string> { [Tianhe] = "20", [Huangpu] = "80" } } } } },
        };

        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments", District(Huangpu), amendment);
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/1/countersign", District(Tianhe));
        var rejected = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/1/reject", Finance, new { reason = "比例依据不足" });
        Assert.Equal("Rejected", rejected.GetProperty("amendments")[0].GetProperty("status").GetString());
        Assert.Equal("Running", rejected.GetProperty("substate").GetString());

        var second = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments", District(Tianhe), amendment);
        var number = second.GetProperty("amendments")[1].GetProperty("number").GetInt32();
        var withdrawn = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/{number}/withdraw", District(Tianhe), new { reason = "撤回" });
        Assert.Equal("Withdrawn", withdrawn.GetProperty("amendments")[1].GetProperty("status").GetString());
        Assert.Equal("Running", withdrawn.GetProperty("substate").GetString());

        // Neither changed the terms: still 50:50.
        var terms = (await ledger.AgreementAsync(id)).GetProperty("terms")[0].GetProperty("schedule");
        Assert.Equal(1, terms.GetArrayLength());
        Assert.Equal("50", terms[0].GetProperty("ratios").GetProperty(Tianhe).GetString());
    }

    [Fact]
    public async Task Finance_rejects_and_the_proposer_withdraws_and_both_are_final()
    {
        await using var ledger = await StartAsync();
        var rejectedDoc = ThreeParty();
        var rejectedId = await ledger.CreateAsync(rejectedDoc);
        await ledger.SignAsync(rejectedId, rejectedDoc);
        Assert.Equal("Rejected", (await ledger.FireAsync(rejectedId, "reject", Finance, new { reason = "材料不全" })).GetProperty("state").GetString());
        var late = await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{rejectedId}/approve", Finance, new { reason = "x" });
        var (problem, body) = await Responses.ProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Contains("Rejected", problem.Detail, StringComparison.Ordinal);

        var withdrawnDoc = ThreeParty();
        var withdrawnId = await ledger.CreateAsync(withdrawnDoc);
        await ledger.FireAsync(withdrawnId, "submit", District(Tianhe));
        await ledger.FireAsync(withdrawnId, "countersign", District(Baiyun));
        Assert.Equal("Withdrawn", (await ledger.FireAsync(withdrawnId, "withdraw", District(Tianhe), new { reason = "重新谈判" })).GetProperty("state").GetString());
        var sign = await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{withdrawnId}/countersign", District(Huadu));
        var (signProblem, _) = await Responses.ProblemAsync(sign, HttpStatusCode.Conflict);
        Assert.Contains("Withdrawn", signProblem.Detail, StringComparison.Ordinal);

        var trail = (await ledger.GetAsync($"/api/agreements/{rejectedId}/events", District(Huadu))).GetProperty("events").EnumerateArray().Last();
        Assert.Equal(("agreement-rejected", Finance, "材料不全"), (trail.GetProperty("type").GetString(), trail.GetProperty("by").GetString(), trail.GetProperty("reason").GetString()));
        _ = body;
    }

    [Fact]
    public async Task Approving_an_overlapping_agreement_is_refused_naming_the_first()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 4);
        var first = await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat", "cit"]));
        var second = Agreement(
            "重叠协议", [Liwan, Huangpu], [Docs.Enterprise(enterprise, Huangpu)],
            [Term(["vat"], [(Liwan, "20"), (Huangpu, "80")], from: "2026-06")], from: "2026-06", to: "2027-12");
        var secondId = await ledger.CreateAsync(second);
        await ledger.SignAsync(secondId, second);

        var response = await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{secondId}/approve", Finance, new { reason = "x" });

        var (problem, body) = await Responses.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.EndsWith("coverage-overlap", problem.Type, StringComparison.Ordinal);
        Assert.Equal(first, body.GetProperty("collidesWith").GetString());
        Assert.Contains(first, problem.Detail, StringComparison.Ordinal);
        Assert.Equal("AwaitingApproval", (await ledger.AgreementAsync(secondId)).GetProperty("state").GetString());
    }

    private static JsonElement ResultError(JsonElement body, int index) =>
        body.GetProperty("results")[index].GetProperty("error");
}
