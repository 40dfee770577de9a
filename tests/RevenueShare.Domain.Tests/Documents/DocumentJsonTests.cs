using System.Text.Json;
using RevenueShare.Domain.Documents;

namespace RevenueShare.Domain.Tests.Documents;

/// <summary>
/// <see cref="DocumentJson"/> reads a document as strictly as contracts/schemas: a member the document
/// has not, a member given twice (in an object or in a map of ratios) and a member spelt in another case
/// are refused, each by a <see cref="JsonException"/> at the offending member's path.
/// </summary>
public sealed class DocumentJsonTests
{
    private static readonly JsonSerializerOptions Strict = DocumentJson.MakeStrict(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private const string Valid = """
        { "title": "天河 + 黄埔", "model": "hq-rnd+manufacturing",
          "parties": [ { "district": "440106", "role": "origin" }, { "district": "440112", "role": "host" } ],
          "effective": { "from": "2026-01", "to": "2026-12" },
          "enterprises": [ { "id": "91440112MA59KC3R2X", "name": "示例", "registeredDistrict": "440112",
                             "baselines": { "cit": "1.00" }, "cap": { "indicators": ["cit"], "amount": "9.00" } } ],
          "terms": [ { "indicators": ["cit"], "mode": "split",
                       "schedule": [ { "from": "2026-01", "ratios": { "440106": "50", "440112": "50" } } ] } ] }
        """;

    [Fact]
    public void A_document_in_the_contract_is_read()
    {
        var document = JsonSerializer.Deserialize<AgreementDocument>(Valid, Strict);

        Assert.NotNull(document);
        Assert.Equal("天河 + 黄埔", document.Title);
        Assert.Equal("50", document.Terms![0]!.Schedule![0]!.Ratios!["440112"]);
    }

    [Theory]
    [InlineData("\"title\": \"天河 + 黄埔\",", "\"title\": \"天河 + 黄埔\", \"colour\": \"red\",", "$.colour")]
    [InlineData("\"registeredDistrict\": \"440112\",", "\"registeredDistrict\": \"440112\", \"taxOffice\": \"黄埔\",", "$.enterprises[0].taxOffice")]
    [InlineData("\"role\": \"host\"", "\"role\": \"host\", \"weight\": 1", "$.parties[1].weight")]
    [InlineData("\"mode\": \"split\",", "\"Mode\": \"split\",", "$.terms[0].Mode")]
    public void An_unknown_member_is_refused_at_its_path(string find, string replace, string path)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AgreementDocument>(Valid.Replace(find, replace, StringComparison.Ordinal), Strict));

        Assert.Equal(path, exception.Path);
    }

    [Theory]
    [InlineData("\"title\": \"天河 + 黄埔\",", "\"title\": \"天河 + 黄埔\", \"title\": \"别的\",", "$.title")]
    [InlineData("\"amount\": \"9.00\"", "\"amount\": \"9.00\", \"amount\": \"1.00\"", "$.enterprises[0].cap.amount")]
    [InlineData("\"440112\": \"50\" }", "\"440112\": \"50\", \"440112\": \"70\" }", "$.terms[0].schedule[0].ratios.440112")]
    [InlineData("\"cit\": \"1.00\"", "\"cit\": \"1.00\", \"cit\": \"2.00\"", "$.enterprises[0].baselines.cit")]
    public void A_member_given_twice_is_refused_at_its_path(string find, string replace, string path)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AgreementDocument>(Valid.Replace(find, replace, StringComparison.Ordinal), Strict));

        Assert.Equal(path, exception.Path);
    }

    [Fact]
    public void A_revision_as_a_string_is_refused_at_its_path()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FigureReportDocument>(
            """{ "reportId": "r", "enterprise": "e", "indicator": "vat", "month": "2026-01", "amount": "1.00", "revision": "1" }""", Strict));

        Assert.Equal("$.revision", exception.Path);
    }
}
