using System.Text.Json.Nodes;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.EndToEnd.Harness;

/// <summary>
/// Request documents as a client writes them (docs/interfaces.md, Payload shapes), built as JSON so a
/// test can also break them on purpose. Parties are listed origin first.
/// </summary>
internal static class Docs
{
    public const string Tianhe = "440106";
    public const string Huangpu = "440112";
    public const string Baiyun = "440111";
    public const string Huadu = "440114";
    public const string Liwan = "440103";

    /// <summary>A valid unified social credit code registered in <paramref name="district"/>, distinct per <paramref name="serial"/>.</summary>
    public static string CreditCode(string district, int serial)
    {
        var first17 = $"91{district}MA{serial:D7}";
        return first17 + Domain.Reference.CreditCode.CheckCharacter(first17);
    }

    /// <summary>The same code with its check character replaced by a wrong one; the right one is returned too.</summary>
    public static (string Code, char Expected) WrongCheck(string code)
    {
        var expected = code[^1];
        var wrong = expected == '0' ? '1' : '0';
        return (code[..^1] + wrong, expected);
    }

    /// <summary>An agreement between <paramref name="parties"/> (first origin, the rest hosts) over the given enterprises and terms.</summary>
    public static JsonObject Agreement(
        string title, string[] parties, JsonObject[] enterprises, JsonObject[] terms, string from = "2025-01", string to = "2026-12") => new()
    {
        ["title"] = title,
        ["model"] = "hq-rnd+manufacturing",
        ["parties"] = new JsonArray([.. parties.Select((d, i) => (JsonNode)new JsonObject { ["district"] = d, ["role"] = i == 0 ? "origin" : "host" })]),
        ["effective"] = new JsonObject { ["from"] = from, ["to"] = to },
        ["enterprises"] = new JsonArray([.. enterprises]),
        ["terms"] = new JsonArray([.. terms]),
    };

    public static JsonObject Enterprise(string id, string registeredDistrict, JsonObject? baselines = null, JsonObject? cap = null)
    {
        var enterprise = new JsonObject { ["id"] = id, ["name"] = "测试企业" + id[^4..], ["registeredDistrict"] = registeredDistrict };
        if (baselines is not null)
        {
            enterprise["baselines"] = baselines;
        }

        if (cap is not null)
        {
            enterprise["cap"] = cap;
        }

        return enterprise;
    }

    public static JsonObject Cap(string amount, params string[] indicators) =>
        new() { ["indicators"] = new JsonArray([.. indicators.Select(i => (JsonNode)i)]), ["amount"] = amount };

    /// <summary>One term with a single ratio step from <paramref name="from"/>; <paramref name="ratios"/> as district, percent pairs.</summary>
    public static JsonObject Term(string[] indicators, (string District, string Percent)[] ratios, string from = "2025-01", string mode = "split") =>
        Term(indicators, [(from, ratios)], mode);

    public static JsonObject Term(string[] indicators, (string From, (string District, string Percent)[] Ratios)[] schedule, string mode = "split") => new()
    {
        ["indicators"] = new JsonArray([.. indicators.Select(i => (JsonNode)i)]),
        ["mode"] = mode,
        ["schedule"] = new JsonArray([.. schedule.Select(step => (JsonNode)new JsonObject
        {
            ["from"] = step.From,
            ["ratios"] = new JsonObject(step.Ratios.Select(r => KeyValuePair.Create(r.District, (JsonNode?)r.Percent))),
        })]),
    };

    /// <summary>A two-party agreement, Tianhe origin and Huangpu host, one enterprise registered in Huangpu.</summary>
    public static JsonObject TwoParty(
        string enterprise, string[] indicators, string originPercent = "50", string hostPercent = "50",
        JsonObject? baselines = null, JsonObject? cap = null, string title = "天河 + 黄埔 测试协议") =>
        Agreement(
            title,
            [Tianhe, Huangpu],
            [Enterprise(enterprise, Huangpu, baselines, cap)],
            [Term(indicators, [(Tianhe, originPercent), (Huangpu, hostPercent)])]);

    public static JsonObject Report(string reportId, string enterprise, string indicator, string month, string amount, int revision = 1) => new()
    {
        ["reportId"] = reportId,
        ["enterprise"] = enterprise,
        ["indicator"] = indicator,
        ["month"] = month,
        ["amount"] = amount,
        ["revision"] = revision,
    };

    public static string Proposer(JsonObject agreement) => Parties(agreement)[0];

    public static string[] Parties(JsonObject agreement) =>
        [.. agreement["parties"]!.AsArray().Select(p => (string)p!["district"]!)];

    /// <summary>An example file of contracts/examples, parsed.</summary>
    public static JsonObject Example(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestReference.ContractsDirectory, "examples", relativePath)))!.AsObject();

    public static bool IsTax(string indicator) => TestReference.Reference.Indicator(indicator).Family == IndicatorFamily.Tax;
}
