using System.Text.Json.Nodes;
using RevenueShare.Domain;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// A ledger to probe rights and hostile requests against: the <see cref="SmallLedger"/> (an Active
/// agreement of Tianhe and Huangpu with a tax and a statistical figure, a Draft, one awaiting approval),
/// and beside it an agreement in every other state a right depends on — submitted and awaiting
/// Huangpu's countersignature, Active with an amendment awaiting countersignature, Active with an
/// amendment awaiting approval, suspended, and Active sharing cit by the three-factor formula. Tianhe proposed them all. The throttle on failed
/// authentications is raised out of the way: probing sends many bad tokens from one address.
/// Shared by a test class as a fixture; <see cref="StartAsync"/> gives a fresh one.
/// </summary>
public sealed class ProbeLedger : IAsyncLifetime
{
    /// <summary>A secret of our shape that was never issued.</summary>
    public const string UnknownToken = "rs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private SmallLedger? small;

    internal SmallLedger Small => small ?? throw new InvalidOperationException("The ledger has not started.");

    internal LedgerUnderTest Ledger => Small.Ledger;

    public string Submitted { get; private set; } = string.Empty;

    public string Amended { get; private set; } = string.Empty;

    public string AmendedSigned { get; private set; } = string.Empty;

    public string Suspended { get; private set; } = string.Empty;

    /// <summary>Active, cit of its enterprise by the formula (Tianhe the head office keeping 50 %): the agreement factors are reported for.</summary>
    public string Formula { get; private set; } = string.Empty;

    /// <summary>Awaiting countersignature, its enterprise's cap over vat and cit derived from the history of 2024, which tax has reported in full.</summary>
    public string Derived { get; private set; } = string.Empty;

    /// <summary>The enterprise of <see cref="Derived"/>.</summary>
    public static string DerivedEnterprise { get; } = CreditCode(Huangpu, 65);

    /// <summary>The enterprise of <see cref="Formula"/>.</summary>
    public static string FormulaEnterprise { get; } = CreditCode(Huangpu, 64);

    /// <summary>A token of finance's that was issued, then revoked.</summary>
    public string RevokedToken { get; private set; } = string.Empty;

    /// <summary>Every agreement of the ledger, all between Tianhe and Huangpu.</summary>
    public IReadOnlyList<string> Agreements => [Small.Active, Small.Draft, Small.Pending, Submitted, Amended, AmendedSigned, Suspended, Formula, Derived];

    /// <summary>A new agreement's document: Tianhe and Huangpu share pit of an enterprise no other agreement covers.</summary>
    public static JsonObject NewAgreement() => TwoParty(CreditCode(Huangpu, 69), ["pit"], title: "新协议");

    /// <summary>An amendment of an agreement of Tianhe and Huangpu: from 2026-01, each of <paramref name="indicators"/> shared 10:90.</summary>
    public static JsonObject Amendment(params string[] indicators) => new()
    {
        ["from"] = "2026-01",
        ["terms"] = new JsonArray([.. indicators.Select(i => (JsonNode)Term([i], [(Tianhe, "10"), (Huangpu, "90")], "2026-01"))]),
    };

    internal static async Task<ProbeLedger> StartAsync()
    {
        var probe = new ProbeLedger();
        await probe.InitializeAsync();
        return probe;
    }

    public async Task InitializeAsync()
    {
        small = await SmallLedger.StartAsync(options => options with { Throttling = new AuthenticationThrottling(1_000_000, TimeSpan.FromMinutes(1)) });
        var submittedDocument = TwoParty(CreditCode(Huangpu, 60), ["vat"], title: "待会签协议");
        Submitted = await Ledger.CreateAsync(submittedDocument);
        await Ledger.FireAsync(Submitted, "submit", District(Tianhe));

        Amended = await Ledger.CreateActiveAsync(TwoParty(CreditCode(Huangpu, 61), ["vat"], title: "变更待会签协议"));
        await Ledger.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{Amended}/amendments", District(Tianhe), Amendment("vat"));

        AmendedSigned = await Ledger.CreateActiveAsync(TwoParty(CreditCode(Huangpu, 62), ["vat"], title: "变更待批协议"));
        await Ledger.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{AmendedSigned}/amendments", District(Tianhe), Amendment("vat"));
        await Ledger.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{AmendedSigned}/amendments/1/countersign", District(Huangpu));

        Suspended = await Ledger.CreateActiveAsync(TwoParty(CreditCode(Huangpu, 63), ["vat"], title: "暂停协议"));
        await Ledger.FireAsync(Suspended, "suspend", Finance, new { from = "2026-01", reason = "暂停测试" });

        var formula = TwoParty(FormulaEnterprise, ["cit"], title: "三因素分配协议");
        formula["terms"] = new JsonArray(new JsonObject
        {
            ["indicators"] = new JsonArray("cit"),
            ["mode"] = "formula",
            ["hq"] = Tianhe,
            ["hqPercent"] = "50",
            ["weights"] = new JsonObject { ["operatingRevenue"] = "35", ["payroll"] = "35", ["assets"] = "30" },
        });
        Formula = await Ledger.CreateActiveAsync(formula);

        Derived = await Ledger.CreateAsync(TwoParty(DerivedEnterprise, ["vat", "cit"], title: "历史封顶协议", cap: new JsonObject
        {
            ["indicators"] = new JsonArray("vat", "cit"),
            ["derive"] = new JsonObject { ["years"] = 1 },
        }));
        await Ledger.FireAsync(Derived, "submit", District(Tianhe));
        var history = new JsonArray();
        foreach (var indicator in new[] { "vat", "cit" })
        {
            for (var month = 1; month <= 12; month++)
            {
                var report = Report($"probe-history-{indicator}-{month:D2}", DerivedEnterprise, indicator, $"2024-{month:D2}", "100.00");
                report["history"] = true;
                report["agreement"] = Derived;
                history.Add(report);
            }
        }

        await Ledger.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, "/api/figures", Tax, new JsonObject { ["reports"] = history });
        var revoked = await Ledger.Server.Tokens.CreateAsync(Principal.Finance, Now);
        Assert.True(await Ledger.Server.Tokens.RevokeAsync(revoked.Id, Now));
        RevokedToken = revoked.Secret;
    }

    /// <summary>Replaces the agreement placeholders of a route ({active}, {draft}, {pending}, {submitted}, {amended}, {amendedSigned}, {suspended}, {formula}, {derived}, {derivedEnterprise}).</summary>
    public string Route(string template) =>
        Small.Route(template)
            .Replace("{submitted}", Submitted, StringComparison.Ordinal)
            .Replace("{amendedSigned}", AmendedSigned, StringComparison.Ordinal)
            .Replace("{amended}", Amended, StringComparison.Ordinal)
            .Replace("{suspended}", Suspended, StringComparison.Ordinal)
            .Replace("{formula}", Formula, StringComparison.Ordinal)
            .Replace("{derivedEnterprise}", DerivedEnterprise, StringComparison.Ordinal)
            .Replace("{derived}", Derived, StringComparison.Ordinal);

    /// <summary>Everything a refused request must leave as it was, as finance sees it: the list, the allocations, every audit trail.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        var texts = new List<string>(await Small.SnapshotAsync());
        foreach (var id in new[] { Submitted, Amended, AmendedSigned, Suspended, Formula, Derived })
        {
            texts.Add(await Ledger.GetTextAsync($"/api/agreements/{id}/events", Finance));
        }

        return texts;
    }

    public async Task DisposeAsync()
    {
        if (small is not null)
        {
            await small.Ledger.DisposeAsync();
        }
    }
}
