using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Golden;

/// <summary>
/// The history behind the golden journal: the six example agreements taken through their lifecycle,
/// the sample year booked month by month as the offices would, the restatements, amendments approved,
/// rejected and withdrawn, reviews approved, disputed and reopened, a suspension and resumption, a
/// termination, and agreements rejected and withdrawn. Every step moves the clock by a minute, so every
/// event has an instant of its own. The two-party agreement gathers more than 50 events, so the journal
/// also holds one of its snapshots.
/// </summary>
internal static class GoldenHistory
{
    public const string TwoParty = "GZ-2026-0006";

    private static readonly Duration Step = Duration.FromMinutes(1);

    public static async Task WriteAsync(LedgerUnderTest ledger)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { "baseline", "capped-jjj", "double-count", "schedule-change", "three-parties", "two-party" })
        {
            var document = Example($"agreements/{file}.json");
            ids[file] = await ledger.CreateAsync(document);
            Tick(ledger);
            await ledger.SignAsync(ids[file], document);
            Tick(ledger);
            await ledger.FireAsync(ids[file], "approve", Finance, new { reason = "示例协议（金样数据）" });
            Tick(ledger);
        }

        Assert.Equal(TwoParty, ids["two-party"]);

        var tax = Example("figures/tax-2025.json")["reports"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        var statistics = Example("figures/statistics-2025.json")["reports"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        for (var month = 1; month <= 12; month++)
        {
            var text = $"2025-{month:D2}";
            await ledger.BookAsync(Tax, [.. tax.Where(r => (string)r["month"]! == text).Select(Copy)]);
            Tick(ledger);
            await ledger.BookAsync(Statistics, [.. statistics.Where(r => (string)r["month"]! == text).Select(Copy)]);
            Tick(ledger);
        }

        var restatements = Example("figures/restatements-2025.json")["reports"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        await ledger.BookAsync(Tax, [.. restatements.Select(Copy)]);
        Tick(ledger);

        // The two-party agreement moves vat and cit to 30 / 70 from October: adjustments for Oct–Dec.
        await AmendAsync(ledger, TwoParty, "2025-10", Huangpu, Tianhe, "approve", new JsonArray(
            Term(["vat", "cit"], [(Tianhe, "30"), (Huangpu, "70")], from: "2025-10"),
            Term(["industrial-output"], [(Tianhe, "30"), (Huangpu, "70")], from: "2025-10")));

        // Tax approves every month of the two-party agreement; statistics approves, disputes and reopens.
        for (var month = 1; month <= 12; month++)
        {
            await ReviewAsync(ledger, TwoParty, $"2025-{month:D2}", Tax, "approve", month == 12 ? "年度复核通过" : null);
        }

        await ReviewAsync(ledger, TwoParty, "2025-01", Statistics, "approve", null);
        await ReviewAsync(ledger, TwoParty, "2025-02", Statistics, "approve", null);
        await ReviewAsync(ledger, TwoParty, "2025-03", Statistics, "approve", null);
        await ReviewAsync(ledger, TwoParty, "2025-04", Statistics, "dispute", "产值口径待核");
        await ReviewAsync(ledger, TwoParty, "2025-05", Statistics, "dispute", "企业更正申报");
        await ReviewAsync(ledger, TwoParty, "2025-01", Statistics, "reopen", "企业补报");
        await ReviewAsync(ledger, ids["capped-jjj"], "2025-03", Tax, "approve", null);
        await ReviewAsync(ledger, ids["capped-jjj"], "2025-03", Tax, "reopen", "封顶额度复核");

        // An amendment withdrawn (two-party, past its snapshot) and one rejected (capped).
        await AmendAsync(ledger, TwoParty, "2026-01", Tianhe, null, "withdraw", new JsonArray(
            Term(["vat", "cit"], [(Tianhe, "20"), (Huangpu, "80")], from: "2026-01"),
            Term(["industrial-output"], [(Tianhe, "30"), (Huangpu, "70")], from: "2026-01")));
        await AmendAsync(ledger, ids["capped-jjj"], "2026-01", "440115", "440103", "reject", new JsonArray(
            Term(["vat", "cit"], [("440103", "60"), ("440115", "40")], from: "2026-01")));

        await ledger.FireAsync(ids["baseline"], "suspend", Finance, new { from = "2026-01", reason = "企业停产整顿" });
        Tick(ledger);
        await ledger.FireAsync(ids["baseline"], "resume", Finance, new { from = "2026-03", reason = "整改完成" });
        Tick(ledger);
        await ledger.FireAsync(ids["three-parties"], "terminate", Finance, new { from = "2026-01", reason = "企业迁出本市" });
        Tick(ledger);

        var rejected = await ledger.CreateAsync(Agreement(
            "白云 + 花都 拟议协议（未获批准）", [Baiyun, Huadu], [Enterprise(CreditCode(Huadu, 7), Huadu)], [Term(["vat"], [(Baiyun, "50"), (Huadu, "50")], from: "2026-01")], from: "2026-01"));
        Tick(ledger);
        await ledger.FireAsync(rejected, "submit", District(Baiyun));
        Tick(ledger);
        await ledger.FireAsync(rejected, "countersign", District(Huadu));
        Tick(ledger);
        await ledger.FireAsync(rejected, "reject", Finance, new { reason = "与产业规划不符" });
        Tick(ledger);

        var draft = TwoParty(CreditCode(Huangpu, 9), ["vat"], title: "天河 + 黄埔 草案（撤回）");
        var withdrawn = await ledger.CreateAsync(draft);
        Tick(ledger);
        draft["title"] = "天河 + 黄埔 草案（修订后撤回）";
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/agreements/{withdrawn}", District(Tianhe), draft);
        Tick(ledger);
        await ledger.FireAsync(withdrawn, "withdraw", District(Tianhe), new { reason = "重新谈判" });
        Tick(ledger);
    }

    private static async Task AmendAsync(LedgerUnderTest ledger, string id, string from, string proposer, string? signer, string outcome, JsonArray terms)
    {
        var proposed = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments", District(proposer), new JsonObject { ["from"] = from, ["terms"] = terms });
        var number = proposed.GetProperty("amendments").EnumerateArray().Last().GetProperty("number").GetInt32();
        Tick(ledger);
        if (signer is not null)
        {
            await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/{number}/countersign", District(signer));
            Tick(ledger);
        }

        var office = outcome == "withdraw" ? District(proposer) : Finance;
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/amendments/{number}/{outcome}", office, new { reason = "修订" + outcome });
        Tick(ledger);
    }

    private static async Task ReviewAsync(LedgerUnderTest ledger, string id, string month, string office, string decision, string? reason)
    {
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/months/{month}/reviews", office, new { decision, reason });
        Tick(ledger);
    }

    private static JsonObject Copy(JsonObject report) => report.DeepClone().AsObject();

    private static void Tick(LedgerUnderTest ledger) => ledger.Server.Clock.Advance(Step);
}
