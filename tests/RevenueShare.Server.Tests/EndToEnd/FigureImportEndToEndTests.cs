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
/// <c>POST /api/figures/import</c> through HTTP on the real store: the same file saved by Excel as
/// GB18030 and as UTF-8 with a BOM books the same; bad lines are reported by line number and the good
/// ones booked; a re-import books nothing.
/// </summary>
public sealed class FigureImportEndToEndTests
{
    private static readonly string Enterprise = CreditCode(Huangpu, 21);

    /// <summary>Chinese headers, an extra column (企业名称) to ignore, and Chinese text in it.</summary>
    private static string File(string enterprise) =>
        "报告编号,统一社会信用代码,企业名称,指标,月份,金额,修订号\r\n"
        + $"imp-0001,{enterprise},示例智造有限公司,vat,2025-01,100.01,1\r\n"
        + $"imp-0002,{enterprise},\"示例智造有限公司, 黄埔\",vat,2025-02,2000.00,1\r\n"
        + $"imp-0003,{enterprise},示例智造,cit,2025-01,333.33,1\r\n";

    [Fact]
    public async Task A_gb18030_file_and_a_utf8_bom_file_import_with_identical_results()
    {
        var outcomes = new List<string>();
        foreach (var bytes in new[] { CsvDecoding.Gb18030.GetBytes(File(Enterprise)), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(File(Enterprise))] })
        {
            await using var ledger = await StartAsync();
            await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat", "cit"]));
            var response = await PostCsvAsync(ledger, Tax, bytes);
            var body = await OkAsync(response);
            var results = body.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal([2, 3, 4], results.Select(r => r.GetProperty("line").GetInt32()));
            Assert.All(results, r => Assert.Equal("booked", r.GetProperty("status").GetString()));
            var entries = await ledger.AllocationsAsync();
            Assert.Equal(6, entries.Count);
            outcomes.Add(string.Join("|", results.Select(r => r.GetProperty("reportId").GetString() + r.GetProperty("status").GetString()))
                + string.Join("|", entries.Select(e => $"{e.Enterprise} {e.Indicator} {e.Month} {e.District} {e.AmountText}")));
        }

        Assert.Equal(outcomes[0], outcomes[1]);
    }

    [Fact]
    public async Task Bad_lines_are_reported_by_line_number_the_good_ones_booked_and_a_reimport_books_nothing()
    {
        await using var ledger = await StartAsync();
        await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat"]));
        var (wrongCheck, expected) = WrongCheck(Enterprise);
        var file = "reportId,enterprise,indicator,month,amount,revision\n"
            + $"ok-1,{Enterprise},vat,2025-01,10.00,1\n"
            + $"bad-scale,{Enterprise},vat,2025-02,10.001,1\n"
            + $"bad-code,{wrongCheck},vat,2025-03,10.00,1\n"
            + "\n"
            + $"ok-2,{Enterprise},vat,2025-04,20.00,1\n"
            + $"bad-revision,{Enterprise},vat,2025-05,20.00,x\n"
            + $"bad-month,{Enterprise},vat,2025-13,20.00,1\n";
        var body = await OkAsync(await PostCsvAsync(ledger, Tax, Encoding.UTF8.GetBytes(file)));
        var results = body.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("line").GetInt32(), r => (Status: r.GetProperty("status").GetString(), Error: r.GetProperty("error")));
        Assert.Equal([2, 3, 4, 6, 7, 8], results.Keys);
        Assert.Equal("booked", results[2].Status);
        Assert.Equal("booked", results[6].Status);
        foreach (var line in new[] { 3, 4, 7, 8 })
        {
            Assert.Equal("rejected", results[line].Status);
        }

        Assert.Contains(expected.ToString(), results[4].Error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("'x'", results[7].Error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, (await ledger.AllocationsAsync()).Count);

        var again = await OkAsync(await PostCsvAsync(ledger, Tax, Encoding.UTF8.GetBytes(file)));
        Assert.Equal(["duplicate", "duplicate"], again.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("status").GetString() != "rejected").Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(4, (await ledger.AllocationsAsync()).Count);
    }

    /// <summary>
    /// History lines (docs/allocation.md, history and derived amounts) go to the agreement they name, in
    /// the same file as figures of another agreement; a history flag that is neither true/是 nor false/否
    /// is refused at its line, and so is a history line without its agreement.
    /// </summary>
    [Fact]
    public async Task History_lines_import_beside_figures_each_to_its_agreement()
    {
        await using var ledger = await StartAsync();
        var active = await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat"]));
        var relocated = CreditCode(Huangpu, 22);
        var document = TwoParty(relocated, ["vat"], cap: new JsonObject
        {
            ["indicators"] = new JsonArray("vat"),
            ["derive"] = new JsonObject { ["years"] = 1 },
        });
        var submitted = await ledger.CreateAsync(document);
        await ledger.SignAsync(submitted, document);
        var file = "报告编号,统一社会信用代码,指标,月份,金额,修订号,历史数据,协议编号\r\n"
            + $"fig-1,{Enterprise},vat,2025-01,10.00,1,,\r\n"
            + $"his-1,{relocated},vat,2024-01,30.00,1,是,{submitted}\r\n"
            + $"his-2,{relocated},vat,2024-02,30.00,1,true,{submitted}\r\n"
            + $"his-3,{relocated},vat,2024-03,30.00,1,也许,{submitted}\r\n"
            + $"his-4,{relocated},vat,2024-04,30.00,1,是,\r\n"
            + $"fig-2,{Enterprise},vat,2025-02,10.00,1,否,\r\n";

        var body = await OkAsync(await PostCsvAsync(ledger, Tax, Encoding.UTF8.GetBytes(file)));

        var results = body.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32());
        Assert.Equal(active, results[2].GetProperty("agreement").GetString());
        Assert.Equal(submitted, results[3].GetProperty("agreement").GetString());
        Assert.Equal(["booked", "booked", "booked", "rejected", "rejected", "booked"], results.Values.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("$.reports[3].history", results[5].GetProperty("error").GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal("$.reports[4].agreement", results[6].GetProperty("error").GetProperty("errors")[0].GetProperty("path").GetString());
        var history = await ledger.GetAsync($"/api/agreements/{submitted}/enterprises/{relocated}/history", Tax);
        Assert.Equal(["his-1", "his-2"], history.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("reportId").GetString()));
        Assert.Equal(2, (await ledger.AllocationsAsync()).Count(e => e.Agreement == active && e.District == Huangpu));
    }

    [Fact]
    public async Task A_file_without_the_needed_columns_is_refused_whole()
    {
        await using var ledger = await StartAsync();
        var response = await PostCsvAsync(ledger, Tax, Encoding.UTF8.GetBytes("reportId,enterprise,amount\r\nx,y,1\r\n"));
        var (problem, _) = await Responses.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("indicator", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_excel_workbook_imports_as_its_csv_would_with_number_and_text_cells_alike()
    {
        await using var ledger = await StartAsync();
        await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat", "cit"]));
        var rows = new object[]
        {
            // An amount as Excel keeps a typed number (a double), one as a text cell, one with a digit too many.
            new Dictionary<string, object> { ["报告编号"] = "xl-1", ["统一社会信用代码"] = Enterprise, ["指标"] = "vat", ["月份"] = "2025-01", ["金额"] = 100.01, ["修订号"] = 1 },
            new Dictionary<string, object> { ["报告编号"] = "xl-2", ["统一社会信用代码"] = Enterprise, ["指标"] = "cit", ["月份"] = "2025-01", ["金额"] = "333.33", ["修订号"] = 1 },
            new Dictionary<string, object> { ["报告编号"] = "xl-3", ["统一社会信用代码"] = Enterprise, ["指标"] = "vat", ["月份"] = "2025-02", ["金额"] = 10.001, ["修订号"] = 1 },
        };
        using var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, rows);

        var token = await ledger.TokenAsync(Tax);
        var content = new ByteArrayContent(workbook.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var request = RunningServer.Request(HttpMethod.Post, "/api/figures/import", token, content);
        var body = await OkAsync(await ledger.Server.Client.SendAsync(request));

        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([2, 3, 4], results.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(["booked", "booked", "rejected"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Contains("$.reports[2].amount", results[2].GetProperty("error").GetProperty("errors")[0].GetProperty("path").GetString(), StringComparison.Ordinal);
        var entries = await ledger.AllocationsAsync();
        Assert.Equal(100.01m, entries.Where(e => e.Indicator == "vat").Sum(e => e.Amount)); // split between the parties, exactly
        Assert.Equal(333.33m, entries.Where(e => e.Indicator == "cit").Sum(e => e.Amount));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_as_such()
    {
        await using var ledger = await StartAsync();
        var token = await ledger.TokenAsync(Tax);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("reportId,enterprise\r\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var request = RunningServer.Request(HttpMethod.Post, "/api/figures/import", token, content);
        using var response = await ledger.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an Excel workbook", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> PostCsvAsync(LedgerUnderTest ledger, string? office, byte[] bytes)
    {
        var token = office is null ? null : await ledger.TokenAsync(office);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = RunningServer.Request(HttpMethod.Post, "/api/figures/import", token, content);
        return await ledger.Server.Client.SendAsync(request);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
