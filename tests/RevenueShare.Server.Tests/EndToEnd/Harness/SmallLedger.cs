using System.Text.Json.Nodes;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd.Harness;

/// <summary>
/// A small ledger to probe rights and bad input against: Tianhe (origin) and Huangpu (host) share
/// an Active agreement over vat and industrial output with one figure of each booked, a Draft
/// proposed by Tianhe, and one awaiting approval. Liwan is party to none of them.
/// </summary>
internal sealed class SmallLedger
{
    public static readonly string ActiveEnterprise = CreditCode(Huangpu, 40);
    public static readonly string DraftEnterprise = CreditCode(Huangpu, 41);
    public static readonly string PendingEnterprise = CreditCode(Huangpu, 42);

    private SmallLedger(LedgerUnderTest ledger, string active, string draft, string pending)
    {
        Ledger = ledger;
        Active = active;
        Draft = draft;
        Pending = pending;
    }

    public LedgerUnderTest Ledger { get; }

    public string Active { get; }

    public string Draft { get; }

    public string Pending { get; }

    public static JsonObject ActiveDocument() =>
        Agreement(
            "天河 + 黄埔 权限测试协议",
            [Tianhe, Huangpu],
            [Enterprise(ActiveEnterprise, Huangpu)],
            [Term(["vat"], [(Tianhe, "40"), (Huangpu, "60")]), Term(["industrial-output"], [(Tianhe, "30"), (Huangpu, "70")])]);

    public static JsonObject DraftDocument() => TwoParty(DraftEnterprise, ["vat"], title: "草稿协议");

    /// <param name="options">As for <see cref="LedgerUnderTest.StartAsync"/> (a test that fails many authentications raises the throttling limit).</param>
    public static async Task<SmallLedger> StartAsync(Func<ServeOptions, ServeOptions>? options = null)
    {
        var ledger = await LedgerUnderTest.StartAsync(options: options);
        var active = await ledger.CreateActiveAsync(ActiveDocument());
        var draft = await ledger.CreateAsync(DraftDocument());
        var pendingDocument = TwoParty(PendingEnterprise, ["cit"], title: "待批协议");
        var pending = await ledger.CreateAsync(pendingDocument);
        await ledger.SignAsync(pending, pendingDocument);
        await ledger.BookAsync(Tax, Report("vat-2025-01", ActiveEnterprise, "vat", "2025-01", "100.00"));
        await ledger.BookAsync(Statistics, Report("io-2025-01", ActiveEnterprise, "industrial-output", "2025-01", "10.0"));
        return new SmallLedger(ledger, active, draft, pending);
    }

    /// <summary>Replaces {active}, {draft} and {pending} in a route.</summary>
    public string Route(string template) =>
        template.Replace("{active}", Active, StringComparison.Ordinal)
            .Replace("{draft}", Draft, StringComparison.Ordinal)
            .Replace("{pending}", Pending, StringComparison.Ordinal);

    /// <summary>Everything a refused request must leave as it was, as finance sees it.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        var texts = new List<string>
        {
            await Ledger.GetTextAsync("/api/agreements", Finance),
            await Ledger.GetTextAsync("/api/allocations", Finance),
        };
        foreach (var id in new[] { Active, Draft, Pending })
        {
            texts.Add(await Ledger.GetTextAsync($"/api/agreements/{id}/events", Finance));
        }

        return texts;
    }
}
