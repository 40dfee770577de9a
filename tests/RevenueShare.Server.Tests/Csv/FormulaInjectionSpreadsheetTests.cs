using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>
/// Formula injection, proven with a real spreadsheet engine: reports booked with reportIds that are
/// formulas leave the API's CSV answer and a page's CSV and workbook downloads; LibreOffice opens each
/// (with the writers' own files for tab and CR, which identifiers may not hold) and saves what it read.
/// No cell holds a formula, each reportId shows as written (after the single quote), and negative
/// amounts are still numbers that sum to what was booked.
/// </summary>
public sealed partial class FormulaInjectionSpreadsheetTests
{
    private static readonly (string ReportId, string Amount)[] Reports =
    [
        ("=HYPERLINK(\"http://x\",\"click\")", "-12.50"),
        ("+1+1", "-2469.12"), // halves of -1,234.56: the pages write thousands separators
        ("-1+1", "100.00"),
        ("@SUM(A1)", "-0.02"),
    ];

    [Fact]
    public async Task Exports_opened_in_libreoffice_hold_no_formula_show_each_cell_as_written_and_keep_amounts_numbers()
    {
        await using var ledger = await StartAsync();
        var enterprises = Reports.Select((_, i) => CreditCode(Huangpu, 61 + i)).ToArray();
        var id = await ledger.CreateActiveAsync(Agreement(
            "公式注入测试协议", [Tianhe, Huangpu], [.. enterprises.Select(e => Enterprise(e, Huangpu))], [Term(["vat"], [(Tianhe, "50"), (Huangpu, "50")])]));
        await ledger.BookAsync(Tax, [.. Reports.Select((r, i) => Report(r.ReportId, enterprises[i], "vat", "2025-01", r.Amount))]);
        var booked = Reports.Sum(r => decimal.Parse(r.Amount, CultureInfo.InvariantCulture));

        using var folder = new TempDirectory();
        var api = await SaveAsync(folder, "api-allocations.csv", await ApiCsvAsync(ledger));
        var (pageCsv, pageXlsx) = await PageExportsAsync(ledger, id, folder);
        var writerCsv = await SaveAsync(folder, "writer.csv", CsvTable.Write(["报告编号", "金额"], [["\t=1", "-1.00"], ["\r=1", "-2.00"]]));
        var writerXlsx = await SaveAsync(folder, "writer-workbook.xlsx", TableExport.Workbook(new Table(
            "writer", "写入", [Column.Code("报告编号"), Column.Amount("金额")], [["\t=1", "-1.00"], ["\r=1", "-2.00"]])));

        var sheets = (await LibreOffice.ConvertToXlsxAsync(folder.Path, api, pageCsv, pageXlsx, writerCsv, writerXlsx)).Select(SheetCells.Read).ToArray();

        string[] names = ["API CSV", "page CSV", "page workbook", "writer CSV", "writer workbook"];
        foreach (var (sheet, name) in sheets.Zip(names))
        {
            Assert.All(sheet.SelectMany(row => row), cell => Assert.True(cell.Formula is null, $"{name}: a formula survived: {cell.Formula}"));
        }

        string[] written = [.. Reports.Select(r => "'" + r.ReportId)];
        foreach (var (sheet, name, amountHeader) in new[] { (sheets[0], "API CSV", "金额"), (sheets[1], "page CSV", "金额（元）"), (sheets[2], "page workbook", "金额（元）") })
        {
            Assert.True(written.Order(StringComparer.Ordinal).SequenceEqual(CellsUnder(sheet, "报告编号").Select(c => c.Text).Distinct().Order(StringComparer.Ordinal)), name);
            var amounts = CellsUnder(sheet, amountHeader);
            Assert.All(amounts, cell => Assert.True(cell.IsNumber, $"{name}: {cell.Text} is not a number"));
            Assert.Equal(booked, amounts.Sum(cell => decimal.Parse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture)));
            Assert.Contains(amounts, cell => cell.Text == "-1234.56");
        }

        foreach (var (sheet, name) in new[] { (sheets[3], "writer CSV"), (sheets[4], "writer workbook") })
        {
            // Text, as written; the engine keeps a line break inside a cell as LF, whatever the file had.
            Assert.Equal(["'\t=1", "'\n=1"], CellsUnder(sheet, "报告编号").Select(c => c.Text));
            var amounts = CellsUnder(sheet, "金额");
            Assert.All(amounts, cell => Assert.True(cell.IsNumber, $"{name}: {cell.Text} is not a number"));
            Assert.Equal([-1m, -2m], amounts.Select(cell => decimal.Parse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
    }

    private static IReadOnlyList<SheetCell> CellsUnder(IReadOnlyList<IReadOnlyList<SheetCell>> sheet, string header)
    {
        var index = sheet[0].Select(c => c.Text).ToList().IndexOf(header);
        Assert.True(index >= 0, $"no column {header} in {string.Join(",", sheet[0].Select(c => c.Text))}");
        return [.. sheet.Skip(1).Select(row => row[index])];
    }

    private static async Task<byte[]> ApiCsvAsync(LedgerUnderTest ledger)
    {
        using var response = await ledger.SendAsync(HttpMethod.Get, "/api/allocations?format=csv", Finance);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Signs in to the pages as finance and downloads the month's entries as CSV and as a workbook, by the page's own links.</summary>
    private static async Task<(string Csv, string Xlsx)> PageExportsAsync(LedgerUnderTest ledger, string id, TempDirectory folder)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = ledger.Server.Client.BaseAddress };
        var form = await client.GetStringAsync("/signin");
        using var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = await ledger.TokenAsync(Finance),
            ["__RequestVerificationToken"] = AntiForgery().Match(form).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var page = await client.GetStringAsync($"/agreements/{id}/months/2025-01");
        async Task<string> DownloadAsync(string format, string file)
        {
            var link = ExportLinks().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(l => l.EndsWith("format=" + format, StringComparison.Ordinal));
            using var response = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await SaveAsync(folder, file, await response.Content.ReadAsByteArrayAsync());
        }

        return (await DownloadAsync("csv", "page-entries.csv"), await DownloadAsync("xlsx", "page-entries-workbook.xlsx"));
    }

    private static async Task<string> SaveAsync(TempDirectory folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder.Path, name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("class=\"button export\" href=\"([^\"]+)\"")]
    private static partial Regex ExportLinks();
}
