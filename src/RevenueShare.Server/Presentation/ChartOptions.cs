using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// ECharts options for the pages' charts, written as JSON the page embeds in a
/// <c>&lt;script type="application/json"&gt;</c> block (wwwroot/js/charts.js draws them; the Content
/// Security Policy allows no inline script). Amounts go in as JSON numbers written from their decimals;
/// every chart's numbers are also in the table beside it.
/// </summary>
public static class ChartOptions
{
    /// <summary>HTML-safe JSON: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped, so no text can close the script block.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>Where each status stands in the lifecycle drawing: the way to Active left to right, its substates below, the ends above.</summary>
    private static readonly Dictionary<AgreementStatus, (int X, int Y)> Layout = new()
    {
        [AgreementStatus.Draft] = (0, 100),
        [AgreementStatus.AwaitingCountersign] = (200, 100),
        [AgreementStatus.AwaitingApproval] = (400, 100),
        [AgreementStatus.Active] = (600, 100),
        [AgreementStatus.Suspended] = (800, 100),
        [AgreementStatus.Terminated] = (1000, 100),
        [AgreementStatus.Withdrawn] = (200, 0),
        [AgreementStatus.Rejected] = (400, 0),
        [AgreementStatus.Running] = (500, 250),
        [AgreementStatus.AmendmentAwaitingCountersign] = (700, 250),
        [AgreementStatus.AmendmentAwaitingApproval] = (900, 250),
    };

    public static string ToJson(JsonObject option) => option.ToJsonString(Json);

    /// <summary>The lifecycle machine as a graph, the agreement's current status marked.</summary>
    public static JsonObject Lifecycle(IReadOnlyList<LifecycleTransition> transitions, AgreementStatus current)
    {
        var statuses = transitions.SelectMany(t => new[] { t.From, t.To }).Append(current).Distinct().ToArray();
        var nodes = new JsonArray();
        foreach (var status in statuses)
        {
            var (x, y) = Layout.GetValueOrDefault(status, (1100, 250));
            var node = new JsonObject
            {
                ["name"] = status.ToString(),
                ["value"] = Words.State(status),
                ["x"] = x,
                ["y"] = y,
                ["label"] = new JsonObject { ["formatter"] = Words.State(status) },
            };
            if (status == current)
            {
                node["itemStyle"] = new JsonObject { ["color"] = "#b35c00", ["borderColor"] = "#222", ["borderWidth"] = 3 };
                node["label"]!["formatter"] = Words.State(status) + "（当前）";
            }

            nodes.Add(node);
        }

        var links = new JsonArray();
        foreach (var t in transitions.Where(t => t.From != t.To))
        {
            links.Add(new JsonObject
            {
                ["source"] = t.From.ToString(),
                ["target"] = t.To.ToString(),
                ["label"] = new JsonObject { ["show"] = true, ["formatter"] = Words.Act(LifecycleTriggers.Name(t.Trigger)), ["fontSize"] = 11 },
            });
        }

        return new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["series"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "graph",
                    ["layout"] = "none",
                    ["symbolSize"] = 58,
                    ["roam"] = false,
                    ["edgeSymbol"] = new JsonArray("none", "arrow"),
                    ["edgeSymbolSize"] = 9,
                    ["itemStyle"] = new JsonObject { ["color"] = "#4a6b8a" },
                    ["label"] = new JsonObject { ["show"] = true, ["fontSize"] = 12, ["color"] = "#fff" },
                    ["lineStyle"] = new JsonObject { ["color"] = "#666", ["curveness"] = 0.15 },
                    ["data"] = nodes,
                    ["links"] = links,
                },
            },
        };
    }

    /// <summary>Stacked bars: one bar per category (months, districts), one stack part per series.</summary>
    public static JsonObject StackedBars(string unit, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<decimal> Values)> series) => new()
    {
        ["aria"] = new JsonObject { ["enabled"] = true },
        ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
        ["legend"] = new JsonObject { ["top"] = 0 },
        ["grid"] = new JsonObject { ["left"] = 90, ["right"] = 20, ["top"] = 40, ["bottom"] = 30 },
        ["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray([.. categories.Select(c => (JsonNode)c)]) },
        ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = unit },
        ["series"] = new JsonArray([.. series.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["type"] = "bar",
            ["stack"] = "total",
            ["data"] = new JsonArray([.. s.Values.Select(v => (JsonNode)JsonValue.Create(v))]),
        })]),
    };

    /// <summary>Side-by-side bars: each category with one bar per series (reported against allocated, say).</summary>
    public static JsonObject Bars(string unit, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<decimal> Values)> series)
    {
        var option = StackedBars(unit, categories, series);
        foreach (var s in option["series"]!.AsArray())
        {
            s!.AsObject().Remove("stack");
        }

        return option;
    }

    /// <summary>A Sankey of transfers: payer to receiver, the width the amount.</summary>
    public static JsonObject Sankey(IReadOnlyList<string> nodes, IReadOnlyList<(string From, string To, decimal Amount)> flows) => new()
    {
        ["aria"] = new JsonObject { ["enabled"] = true },
        ["tooltip"] = new JsonObject { ["trigger"] = "item" },
        ["series"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "sankey",
                ["left"] = 20,
                ["right"] = 120,
                ["nodeAlign"] = "justify",
                ["emphasis"] = new JsonObject { ["focus"] = "adjacency" },
                ["lineStyle"] = new JsonObject { ["color"] = "source", ["opacity"] = 0.4 },
                ["data"] = new JsonArray([.. nodes.Select(n => (JsonNode)new JsonObject { ["name"] = n })]),
                ["links"] = new JsonArray([.. flows.Select(f => (JsonNode)new JsonObject { ["source"] = f.From, ["target"] = f.To, ["value"] = f.Amount })]),
            },
        },
    };
}
