using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// <c>POST /api/agreements/{id}/factors/import</c> through the real pipeline: the tax office's
/// apportionment table as a CSV (GB18030, Chinese headers) or a workbook, one line per party, the lines
/// of a reportId one report; each report's outcome with its lines, and a re-import books nothing twice.
/// </summary>
public sealed class FactorImportEndToEndTests
{
    private static readonly string Enterprise = CreditCode(Tianhe, 58);

    private static JsonObject FormulaAgreement() => Agreement(
        "三因素法导入测试协议",
        [Tianhe, Huangpu, Baiyun],
        [Enterprise(Enterprise, Tianhe)],
        [new JsonObject
        {
            ["indicators"] = new JsonArray("cit"),
            ["mode"] = "formula",
            ["hq"] = Tianhe,
            ["hqPercent"] = "50",
            ["weights"] = new JsonObject { ["operatingRevenue"] = "35", ["payroll"] = "35", ["assets"] = "30" },
        }]);

    [Fact]
    public async Task A_gb18030_table_books_one_report_per_reportId_with_its_lines_and_books_nothing_twice()
    {
        await using var ledger = await StartAsync();
        var id = await ledger.CreateActiveAsync(FormulaAgreement());
        var csv =
            "报告编号,统一社会信用代码,年度,修订号,区划代码,分支机构名称,营业收入,职工薪酬,资产总额\r\n" +
            $"f2024,{Enterprise},2024,1,{Tianhe},总机构,0,200.00,100.00\r\n" +
            $"f2025,{Enterprise},2025,1,{Tianhe},总机构,0,0,0\r\n" +
            $"f2024,{Enterprise},2024,1,{Huangpu},黄埔分公司,600.00,300.00,600.00\r\n" +
            $"f2024,{Enterprise},2024,1,{Baiyun},白云分公司,400.00,500.00,300.00\r\n" +
            $"f2025,{Enterprise},2026,1,{Huangpu},黄埔分公司,1.00,1.00,1.00\r\n" +
            $"bad,{Enterprise},2024,2,{Tianhe},总机构,0,-1.00,0\r\n" +
            $"bad,{Enterprise},2024,2,{Huangpu},黄埔分公司,1,1,1\r\n" +
            $"bad,{Enterprise},2024,2,{Baiyun},白云分公司,1,1,1\r\n";
        var file = CsvDecoding.Gb18030.GetBytes(csv);

        var body = await OkAsync(await PostAsync(ledger, id, file, "text/csv"));

        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["f2024", "f2025", "bad"], results.Select(r => r.GetProperty("reportId").GetString()));
        Assert.Equal([2, 4, 5], results[0].GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal(["booked", "rejected", "rejected"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Contains("Line 6 gives another year than line 3", results[1].GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal($"$.factors.{Tianhe}.payroll", results[2].GetProperty("error").GetProperty("errors")[0].GetProperty("path").GetString());
        var factors = (await ledger.GetAsync($"/api/agreements/{id}/factors", Finance)).GetProperty("factors");
        var booked = Assert.Single(factors.EnumerateArray().ToArray());
        Assert.Equal("55", booked.GetProperty("ratios")[0].GetProperty("ratios").GetProperty(Tianhe).GetString());

        var again = await OkAsync(await PostAsync(ledger, id, file, "text/csv"));
        Assert.Equal("duplicate", again.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Single((await ledger.GetAsync($"/api/agreements/{id}/factors", Finance)).GetProperty("factors").EnumerateArray().ToArray());
    }

    [Fact]
    public async Task A_workbook_with_english_headers_imports_as_its_csv_would()
    {
        await using var ledger = await StartAsync();
        var id = await ledger.CreateActiveAsync(FormulaAgreement());
        var rows = new[] { (Tianhe, 0.0, 200.0, 100.0), (Huangpu, 600.0, 300.0, 600.0), (Baiyun, 400.0, 500.0, "300.00" as object) }
            .Select(r => new Dictionary<string, object>
            {
                ["reportId"] = "xl-2024", ["enterprise"] = Enterprise, ["year"] = 2024, ["revision"] = 1, ["district"] = r.Item1,
                ["operatingRevenue"] = r.Item2, ["payroll"] = r.Item3, ["assets"] = r.Item4,
            })
            .ToArray();
        using var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, rows);

        var body = await OkAsync(await PostAsync(ledger, id, workbook.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        Assert.Equal("booked", body.GetProperty("results")[0].GetProperty("status").GetString());
        var report = (await ledger.GetAsync($"/api/agreements/{id}/factors", Tax)).GetProperty("factors")[0];
        Assert.Equal("300.00", report.GetProperty("factors").GetProperty(Baiyun).GetProperty("assets").GetString());
    }

    [Fact]
    public async Task Only_tax_imports_and_a_file_without_the_columns_is_refused_whole()
    {
        await using var ledger = await StartAsync();
        var id = await ledger.CreateActiveAsync(FormulaAgreement());
        var file = Encoding.UTF8.GetBytes($"reportId,enterprise,year,revision,district,operatingRevenue,payroll,assets\r\nf,{Enterprise},2024,1,{Tianhe},0,0,0\r\n");

        using (var statistics = await PostAsync(ledger, id, file, "text/csv", Statistics))
        {
            await Responses.ProblemAsync(statistics, HttpStatusCode.Forbidden);
        }

        using var missing = await PostAsync(ledger, id, Encoding.UTF8.GetBytes("reportId,enterprise,year\r\nf,x,2024\r\n"), "text/csv");
        var (problem, _) = await Responses.ProblemAsync(missing, HttpStatusCode.BadRequest);
        Assert.Contains("revision, district, operatingRevenue, payroll, assets", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await ledger.GetAsync($"/api/agreements/{id}/factors", Tax)).GetProperty("factors").GetArrayLength());
    }

    private static async Task<HttpResponseMessage> PostAsync(LedgerUnderTest ledger, string id, byte[] bytes, string mediaType, string office = Tax)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var request = RunningServer.Request(HttpMethod.Post, $"/api/agreements/{id}/factors/import", await ledger.TokenAsync(office), content);
        return await ledger.Server.Client.SendAsync(request);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
