using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>
/// The example agreements and figure batches in contracts/examples/ are valid against the committed
/// JSON Schemas, and the schemas reject what docs/interfaces.md and docs/agreements.md rule out. Every
/// verdict is asked of both published contracts, the schema file and the OpenAPI document's component
/// (<see cref="ContractSchema"/>), and must be the same: one shape, described once.
/// </summary>
public sealed class ContractSchemaTests
{
    public static TheoryData<string> AgreementFiles() => new(ContractFiles.JsonFilesIn("examples", "agreements"));

    public static TheoryData<string> FigureFiles() => new(ContractFiles.JsonFilesIn("examples", "figures"));

    [Fact]
    public void The_examples_are_all_there()
    {
        Assert.Equal(
            ["baseline.json", "capped-jjj.json", "double-count.json", "schedule-change.json", "three-parties.json", "two-party.json", "weighted-apportionment.json", "yuexiu-relocation.json"],
            ContractFiles.JsonFilesIn("examples", "agreements"));
        Assert.Equal(
            ["formula-2025.json", "relocation-2025.json", "restatements-2025.json", "statistics-2025.json", "tax-2025.json"],
            ContractFiles.JsonFilesIn("examples", "figures"));
        Assert.Equal(["factors-2024.json"], ContractFiles.JsonFilesIn("examples", "factors"));
        Assert.Equal(["relocation-2022-2024.json"], ContractFiles.JsonFilesIn("examples", "history"));
    }

    [Theory]
    [MemberData(nameof(AgreementFiles))]
    public void Example_agreement_is_valid(string file)
    {
        AssertValid(ContractFiles.Agreement, Parse(ContractFiles.Read("examples", "agreements", file)));
    }

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Example_figure_batch_is_valid(string file)
    {
        AssertValid(ContractFiles.FigureBatch, Parse(ContractFiles.Read("examples", "figures", file)));
    }

    [Fact]
    public void Example_history_is_a_valid_figure_batch_of_history_reports()
    {
        var batch = Parse(ContractFiles.Read("examples", "history", "relocation-2022-2024.json"));

        AssertValid(ContractFiles.FigureBatch, batch);
        Assert.All(batch.GetProperty("reports").EnumerateArray(), r => Assert.True(r.GetProperty("history").GetBoolean()));
    }

    [Theory]
    [InlineData("""{"history":true}""")]
    [InlineData("""{"agreement":"GZ-2026-0008"}""")]
    [InlineData("""{"history":true,"agreement":"2026-0008"}""")]
    public void A_history_flag_without_its_agreement_or_an_agreement_without_it_is_rejected(string members)
    {
        var report = JsonNode.Parse(ContractFiles.Read("examples", "figures", "tax-2025.json"))!["reports"]![0]!.DeepClone().AsObject();
        foreach (var (name, value) in JsonNode.Parse(members)!.AsObject())
        {
            report[name] = value?.DeepClone();
        }

        var (file, openApi) = ContractFiles.FigureBatch.Evaluate(JsonSerializer.SerializeToElement(new JsonObject { ["reports"] = new JsonArray(report) }));
        Assert.False(file.IsValid, report.ToJsonString());
        Assert.False(openApi.IsValid, report.ToJsonString());
    }

    [Fact]
    public void Example_factor_reports_are_valid()
    {
        foreach (var report in Parse(ContractFiles.Read("examples", "factors", "factors-2024.json")).GetProperty("reports").EnumerateArray())
        {
            AssertValid(ContractFiles.FactorReport, report);
        }
    }

    [Theory]
    [InlineData("/factors/440105/operatingRevenue", "\"-1.00\"", "pattern")]
    [InlineData("/factors/440105/payroll", "\"1.001\"", "pattern")]
    [InlineData("/factors/440105/assets", "1000", "type")]
    [InlineData("/year", "\"2024\"", "type")]
    [InlineData("/revision", "0", "minimum")]
    [InlineData("/factors/440105/land", "\"1.00\"", "additionalProperties")]
    public void A_factor_report_outside_the_contract_is_rejected(string at, string value, string keyword)
    {
        var report = JsonNode.Parse(ContractFiles.Read("examples", "factors", "factors-2024.json"))!["reports"]![0]!.DeepClone();
        Set(report, at, JsonNode.Parse(value));

        var (file, openApi) = ContractFiles.FactorReport.Evaluate(JsonSerializer.SerializeToElement(report));
        foreach (var results in new[] { file, openApi })
        {
            Assert.False(results.IsValid, report.ToJsonString());
            Assert.Contains(ContractFiles.Failures(results), f => f.Keyword == keyword);
        }
    }

    [Fact]
    public void A_ratio_given_as_a_number_is_rejected()
    {
        var agreement = Agreement();
        agreement["terms"]![0]!["schedule"]![0]!["ratios"]!["440106"] = 40;
        AssertAgreementRejected(agreement, "/terms/0/schedule/0/ratios/440106", "type");
    }

    [Fact]
    public void An_extra_top_level_property_is_rejected()
    {
        var agreement = Agreement();
        agreement["comment"] = "not part of the contract";
        AssertAgreementRejected(agreement, "/comment", "additionalProperties");
    }

    [Fact]
    public void An_extra_nested_property_is_rejected()
    {
        var agreement = Agreement();
        agreement["enterprises"]![0]!["taxOffice"] = "黄埔区税务局";
        AssertAgreementRejected(agreement, "/enterprises/0/taxOffice", "additionalProperties");
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
        AssertAgreementRejected(agreement, "/effective/from", "pattern");
    }

    [Fact]
    public void A_single_party_is_rejected()
    {
        var agreement = Agreement();
        agreement["parties"]!.AsArray().RemoveAt(1);
        AssertAgreementRejected(agreement, "/parties", "minItems");
    }

    [Theory]
    [InlineData("/parties/0/role", "observer", "enum")]
    [InlineData("/parties/0/district", "110105", "pattern")]
    [InlineData("/model", "enclave", "enum")]
    [InlineData("/terms/0/mode", "full", "enum")]
    [InlineData("/terms/0/indicators/0", "gdp", "enum")]
    [InlineData("/enterprises/0/id", "91440112MA59KC3R2I", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "40.005", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "-40", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "-0", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "+40", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "040", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "40.", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", ".5", "pattern")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "100.01", "pattern")]
    [InlineData("/title", "", "minLength")]
    [InlineData("/title", "天河\u202E黄埔", "pattern")]
    [InlineData("/title", "天河\u0000黄埔", "pattern")]
    [InlineData("/title", "天河\n黄埔", "pattern")]
    [InlineData("/title", "天河\u200B黄埔", "pattern")]
    [InlineData("/title", " 天河 + 黄埔", "pattern")]
    [InlineData("/title", "天河 + 黄埔 ", "pattern")]
    [InlineData("/enterprises/0/name", "测试\u0007企业", "pattern")]
    [InlineData("/enterprises/0/name", "测试企业\u2069", "pattern")]
    [InlineData("/enterprises/0/name", "\uFEFF测试企业", "pattern")]
    public void A_value_outside_the_contract_is_rejected(string path, string value, string keyword)
    {
        var agreement = Agreement();
        Set(agreement, path, JsonValue.Create(value));
        AssertAgreementRejected(agreement, path, keyword);
    }

    [Theory]
    [InlineData("/title", 201)]
    [InlineData("/enterprises/0/name", 201)]
    public void A_text_over_its_bound_is_rejected(string path, int length)
    {
        var agreement = Agreement();
        Set(agreement, path, JsonValue.Create(new string('文', length)));
        AssertAgreementRejected(agreement, path, "maxLength");
    }

    [Theory]
    [InlineData("100.001")]
    [InlineData("+100.00")]
    [InlineData(".5")]
    [InlineData("100.")]
    [InlineData("0100.00")]
    [InlineData("-1.00")]
    [InlineData("-0.00")]
    [InlineData("1000000000000000")]
    public void A_cap_amount_outside_the_grammar_is_rejected(string amount)
    {
        var agreement = Agreement();
        agreement["enterprises"]![0]!["cap"] = new JsonObject
        {
            ["indicators"] = new JsonArray("vat"),
            ["amount"] = amount,
        };
        AssertAgreementRejected(agreement, "/enterprises/0/cap/amount", "pattern");
    }

    [Fact]
    public void A_figure_with_a_bad_month_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["month"] = "2025-13";
        AssertBatchRejected(batch, "/reports/0/month", "pattern");
    }

    [Fact]
    public void A_figure_amount_given_as_a_number_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["amount"] = 123.45m;
        AssertBatchRejected(batch, "/reports/0/amount", "type");
    }

    [Theory]
    [InlineData("+1.00")]
    [InlineData(".50")]
    [InlineData("1.")]
    [InlineData("0001.00")]
    [InlineData("-0")]
    [InlineData("-0.00")]
    [InlineData("1.001")]
    [InlineData("1e3")]
    [InlineData("1000000000000000")]
    public void A_figure_amount_outside_the_grammar_is_rejected(string amount)
    {
        var batch = Batch();
        batch["reports"]![0]!["amount"] = amount;
        AssertBatchRejected(batch, "/reports/0/amount", "pattern");
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("0")]
    [InlineData("999999999999999.99")]
    public void A_figure_amount_in_the_grammar_is_valid(string amount)
    {
        var batch = Batch();
        batch["reports"]![0]!["amount"] = amount;
        AssertValid(ContractFiles.FigureBatch, JsonSerializer.SerializeToElement(batch));
    }

    [Fact]
    public void A_figure_with_an_extra_property_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["name"] = "广州天黄智能装备制造有限公司";
        AssertBatchRejected(batch, "/reports/0/name", "additionalProperties");
    }

    [Theory]
    [InlineData(0, "minimum")]
    [InlineData(1_000_001, "maximum")]
    [InlineData(int.MaxValue, "maximum")]
    public void A_figure_with_a_revision_out_of_bounds_is_rejected(int revision, string keyword)
    {
        var batch = Batch();
        batch["reports"]![0]!["revision"] = revision;
        AssertBatchRejected(batch, "/reports/0/revision", keyword);
    }

    [Theory]
    [InlineData("vat\u0000-01", "pattern")]
    [InlineData("vat\n-01", "pattern")]
    [InlineData("vat\u0007-01", "pattern")]
    [InlineData("vat-\u202E10", "pattern")]
    [InlineData("vat\u200B-01", "pattern")]
    [InlineData("\u2066vat-01", "pattern")]
    [InlineData(" vat-01", "pattern")]
    [InlineData("vat-01 ", "pattern")]
    [InlineData("", "minLength")]
    public void A_report_id_outside_the_contract_is_rejected(string reportId, string keyword)
    {
        var batch = Batch();
        batch["reports"]![0]!["reportId"] = reportId;
        AssertBatchRejected(batch, "/reports/0/reportId", keyword);
    }

    [Fact]
    public void A_report_id_over_100_characters_is_rejected()
    {
        var batch = Batch();
        batch["reports"]![0]!["reportId"] = new string('r', 101);
        AssertBatchRejected(batch, "/reports/0/reportId", "maxLength");
    }

    [Fact]
    public void An_empty_figure_batch_is_rejected() =>
        AssertBatchRejected(new JsonObject { ["reports"] = new JsonArray() }, "/reports", "minItems");

    [Theory]
    [InlineData("""{ "reason": "停产整顿", "from": "2026-01" }""")]
    [InlineData("""{ "reason": "" }""")]
    [InlineData("""{ }""")]
    public void A_trigger_body_in_the_contract_is_valid(string body)
    {
        AssertValid(ContractFiles.Trigger, Parse(body));
    }

    [Theory]
    [InlineData("""{ "reason": "停产\u202E整顿" }""", "/reason", "pattern")]
    [InlineData("""{ "reason": "停产\n整顿" }""", "/reason", "pattern")]
    [InlineData("""{ "reason": " 停产整顿" }""", "/reason", "pattern")]
    [InlineData("""{ "reason": "停产", "note": "x" }""", "/note", "additionalProperties")]
    [InlineData("""{ "from": "2026-13" }""", "/from", "pattern")]
    public void A_trigger_body_outside_the_contract_is_rejected(string body, string location, string keyword) =>
        AssertRejected(ContractFiles.Trigger, JsonNode.Parse(body)!, location, keyword);

    [Fact]
    public void A_reason_over_500_characters_is_rejected()
    {
        AssertRejected(ContractFiles.Trigger, new JsonObject { ["reason"] = new string('因', 501) }, "/reason", "maxLength");
        AssertRejected(ContractFiles.Review, new JsonObject { ["decision"] = "dispute", ["reason"] = new string('因', 100_000) }, "/reason", "maxLength");
    }

    [Theory]
    [InlineData("""{ "decision": "approve" }""")]
    [InlineData("""{ "decision": "dispute", "reason": "数据有误，请更正" }""")]
    public void A_review_in_the_contract_is_valid(string body)
    {
        AssertValid(ContractFiles.Review, Parse(body));
    }

    [Theory]
    [InlineData("""{ "reason": "x" }""", "", "required")]
    [InlineData("""{ "decision": "confirm" }""", "/decision", "enum")]
    [InlineData("""{ "decision": "dispute", "reason": "有误\u0000" }""", "/reason", "pattern")]
    [InlineData("""{ "decision": "dispute", "urgent": true }""", "/urgent", "additionalProperties")]
    public void A_review_outside_the_contract_is_rejected(string body, string location, string keyword) =>
        AssertRejected(ContractFiles.Review, JsonNode.Parse(body)!, location, keyword);

    [Fact]
    public void An_amendment_of_the_examples_terms_is_valid() =>
        AssertValid(ContractFiles.Amendment, JsonSerializer.SerializeToElement(Amendment()));

    [Theory]
    [InlineData("/from", "2026-13", "pattern")]
    [InlineData("/terms/0/mode", "full", "enum")]
    [InlineData("/terms/0/schedule/0/ratios/440106", "40.005", "pattern")]
    [InlineData("/terms/0/indicators/0", "gdp", "enum")]
    public void An_amendment_outside_the_contract_is_rejected(string path, string value, string keyword)
    {
        var amendment = Amendment();
        Set(amendment, path, JsonValue.Create(value));
        AssertRejected(ContractFiles.Amendment, amendment, path, keyword);
    }

    [Theory]
    [InlineData("from", "", "required")]
    [InlineData("terms", "", "required")]
    public void An_amendment_without_a_member_is_rejected(string member, string location, string keyword)
    {
        var amendment = Amendment();
        amendment.Remove(member);
        AssertRejected(ContractFiles.Amendment, amendment, location, keyword);
    }

    [Fact]
    public void An_amendment_with_an_extra_member_is_rejected()
    {
        var amendment = Amendment();
        amendment["note"] = "x";
        AssertRejected(ContractFiles.Amendment, amendment, "/note", "additionalProperties");
    }

    private static JsonObject Amendment() =>
        new() { ["from"] = "2026-01", ["terms"] = Agreement()["terms"]!.DeepClone() };

    private static JsonObject Agreement() =>
        JsonNode.Parse(ContractFiles.Read("examples", "agreements", "two-party.json"))!.AsObject();

    private static JsonObject Batch() =>
        JsonNode.Parse(ContractFiles.Read("examples", "figures", "tax-2025.json"))!.AsObject();

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void AssertAgreementRejected(JsonNode agreement, string location, string keyword) =>
        AssertRejected(ContractFiles.Agreement, agreement, location, keyword);

    private static void AssertBatchRejected(JsonNode batch, string location, string keyword) =>
        AssertRejected(ContractFiles.FigureBatch, batch, location, keyword);

    /// <summary>Both contracts, the schema file and the OpenAPI component, accept the instance.</summary>
    private static void AssertValid(ContractSchema schema, JsonElement instance)
    {
        var (file, openApi) = schema.Evaluate(instance);
        Assert.True(file.IsValid, schema.File + ": " + ContractFiles.Describe(file));
        Assert.True(openApi.IsValid, schema.Component + ": " + ContractFiles.Describe(openApi));
    }

    /// <summary>
    /// Both contracts reject the instance, and for the reason expected: <paramref name="keyword"/> failed
    /// at <paramref name="location"/> in the schema file and in the OpenAPI component alike.
    /// </summary>
    private static void AssertRejected(ContractSchema schema, JsonNode instance, string location, string keyword)
    {
        var (file, openApi) = schema.Evaluate(JsonSerializer.SerializeToElement(instance));
        foreach (var (source, results) in new[] { (schema.File, file), (schema.Component, openApi) })
        {
            Assert.False(results.IsValid, $"expected {source} to reject: " + instance.ToJsonString());
            var failures = ContractFiles.Failures(results);
            Assert.True(failures.Contains((location, keyword)), $"expected '{keyword}' to fail at '{location}' in {source}; failed: {string.Join(", ", failures.Select(f => $"'{f.Keyword}' at '{f.Location}'"))}");
        }
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
