using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>
/// The example agreements and figure batches in contracts/examples/ are valid against the committed
/// JSON Schemas, and the schemas reject what docs/interfaces.md and docs/agreements.md rule out.
/// </summary>
public sealed class ContractSchemaTests
{
    public static TheoryData<string> AgreementFiles() => new(ContractFiles.JsonFilesIn("examples", "agreements"));

    public static TheoryData<string> FigureFiles() => new(ContractFiles.JsonFilesIn("examples", "figures"));

    [Fact]
    public void The_examples_are_all_there()
    {
        Assert.Equal(
            ["baseline.json", "capped-jjj.json", "double-count.json", "schedule-change.json", "three-parties.json", "two-party.json"],
            ContractFiles.JsonFilesIn("examples", "agreements"));
        Assert.Equal(
            ["restatements-2025.json", "statistics-2025.json", "tax-2025.json"],
            ContractFiles.JsonFilesIn("examples", "figures"));
    }

    [Theory]
    [MemberData(nameof(AgreementFiles))]
    public void Example_agreement_is_valid(string file)
    {
        var results = ContractFiles.Evaluate(ContractFiles.AgreementSchema, Parse(ContractFiles.Read("examples", "agreements", file)));
        Assert.True(results.IsValid, ContractFiles.Describe(results));
    }

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Example_figure_batch_is_valid(string file)
    {
        var results = ContractFiles.Evaluate(ContractFiles.FigureBatchSchema, Parse(ContractFiles.Read("examples", "figures", file)));
        Assert.True(results.IsValid, ContractFiles.Describe(results));
    }

    [Fact]
    public void A_ratio_given_as_a_number_is_rejected()
    {
        var agreement = Agreement();
        agreement["terms"]![0]!["schedule"]![0]!["ratios"]!["440106"] = 40;
        AssertAgreementRejected(agreement);
    }

    [Fact]
    public void An_extra_top_level_property_is_rejected()
    {
        var agreement = Agreement();
        agreement["comment"] = "not part of the contract";
        AssertAgreementRejected(agreement);
    }

    [Fact]
    public void An_extra_nested_property_is_rejected()
    {
        var agreement = Agreement();
        agreement["enterprises"]![0]!["taxOffice"] = "黄埔区税务局";
        AssertAgreementRejected(agreement);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-1")]
    [InlineData("202501")]
    public void A_bad_effective_month_is_rejected(string month)
    {
        var agreement = Agreement();
        agreement["effective"]!["from"] = month;
        AssertAgreementRejected(agreement);
    }

    [Fact]
    public void A_single_party_is_rejected()
    {
        var agreement = Agreement();
        agreement["parties"]!.AsArray().RemoveAt(1);
        AssertAgreementRejected(agreement);
    }

    [Theory]
    [InlineData("/parties/0/role", "observer")]
    [InlineData("/parties/0/district", "110105")]
    [InlineData("/model", "enclave")]
    [InlineData("/terms/0/mode", "full")]
    [InlineData("/terms/0/indicators/0", "gdp")]
    [InlineData("/enterprises/0/id", "91440112MA59KC3R2I")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "40.005")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "-40")]
    public void A_value_outside_the_contract_is_rejected(string path, string value)
    {
        var agreement = Agreement();
        Set(agreement, path, JsonValue.Create(value));
        AssertAgreementRejected(agreement);
    }

    [Fact]
    public void An_amount_with_three_decimals_is_rejected()
    {
        var agreement = Agreement();
        agreement["enterprises"]![0]!["cap"] = new JsonObject
        {
            ["indicators"] = new JsonArray("vat"),
            ["amount"] = "100.001",
        };
        AssertAgreementRejected(agreement);
    }

    [Fact]
    public void A_figure_with_a_bad_month_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["month"] = "2025-13";
        AssertBatchRejected(batch);
    }

    [Fact]
    public void A_figure_amount_given_as_a_number_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["amount"] = 123.45m;
        AssertBatchRejected(batch);
    }

    [Fact]
    public void A_figure_with_an_extra_property_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["name"] = "广州天黄智能装备制造有限公司";
        AssertBatchRejected(batch);
    }

    [Fact]
    public void A_figure_with_revision_zero_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["revision"] = 0;
        AssertBatchRejected(batch);
    }

    [Fact]
    public void An_empty_figure_batch_is_rejected() =>
        AssertBatchRejected(new JsonObject { ["reports"] = new JsonArray() });

    private static JsonObject Agreement() =>
        JsonNode.Parse(ContractFiles.Read("examples", "agreements", "two-party.json"))!.AsObject();

    private static JsonObject Batch() =>
        JsonNode.Parse(ContractFiles.Read("examples", "figures", "tax-2025.json"))!.AsObject();

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void AssertAgreementRejected(JsonNode agreement) =>
        AssertRejected(ContractFiles.AgreementSchema, agreement);

    private static void AssertBatchRejected(JsonNode batch) =>
        AssertRejected(ContractFiles.FigureBatchSchema, batch);

    private static void AssertRejected(JsonSchema schema, JsonNode instance)
    {
        var results = ContractFiles.Evaluate(schema, JsonSerializer.SerializeToElement(instance));
        Assert.False(results.IsValid, "expected the schema to reject: " + instance.ToJsonString());
    }

    /// <summary>Sets the value at a JSON Pointer whose parent exists.</summary>
    private static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var segments = pointer.TrimStart('/').Split('/');
        var parent = segments[..^1].Aggregate(root, (node, segment) =>
            node is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!);
        var last = segments[^1];
        if (parent is JsonArray items)
        {
            items[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[last] = value;
        }
    }
}
