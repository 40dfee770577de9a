using System.Text;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Presentation;

namespace RevenueShare.Server.Tests.Presentation;

/// <summary>A page's table as it downloads: the CSV and the workbook hold the same headers and cells as the page shows.</summary>
public sealed class TableExportTests
{
    private static readonly Table Statement = new(
        "statement-440106-tax-2025-01-2025-12",
        "税收（元）",
        [new("指标"), Column.Code("指标代码"), Column.Amount("本区所得（元）")],
        [
            ["增值税（地方分享部分）", "vat", "4,500,362.22"],
            ["企业所得税（地方分享部分）", "cit", "-1,451.10"],
        ]);

    [Fact]
    public void The_csv_is_the_tables_cells_in_utf8_with_a_bom()
    {
        var file = TableExport.File(Statement, "csv")!;

        Assert.Equal("statement-440106-tax-2025-01-2025-12.csv", file.FileDownloadName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), file.FileContents[..3]);
        var rows = CsvTable.Read(CsvDecoding.Decode(file.FileContents));
        Assert.Equal(["指标", "指标代码", "本区所得（元）"], rows[0].Fields);
        Assert.Equal(["增值税（地方分享部分）", "vat", "4,500,362.22"], rows[1].Fields);
    }

    [Fact]
    public void The_workbook_holds_the_same_cells_with_amounts_as_numbers()
    {
        var file = TableExport.File(Statement, "xlsx")!;

        Assert.Equal(TableExport.XlsxMediaType, file.ContentType);
        var rows = Workbook.Rows(file.FileContents);
        Assert.Equal(["指标", "指标代码", "本区所得（元）"], rows[0].Fields);
        Assert.Equal(["增值税（地方分享部分）", "vat", "4500362.22"], rows[1].Fields); // a number cell, no separators
        Assert.Equal(["企业所得税（地方分享部分）", "cit", "-1451.1"], rows[2].Fields);
        Assert.Equal(3, rows[2].Line);
    }

    [Fact]
    public void Both_downloads_guard_cells_that_would_start_a_formula_and_keep_amounts_numbers()
    {
        var entries = new Table(
            "entries",
            "税收分配明细（元）",
            [Column.Code("报告编号"), Column.Amount("金额（元）")],
            [["=HYPERLINK(\"http://x\",\"click\")", "-1,451.10"], ["-1+1", "-12.50"], ["@SUM(A1)", "=1+1"]]);

        var csv = CsvTable.Read(CsvDecoding.Decode(TableExport.File(entries, "csv")!.FileContents));
        var workbook = Workbook.Rows(TableExport.File(entries, "xlsx")!.FileContents);

        Assert.Equal(
            [["'=HYPERLINK(\"http://x\",\"click\")", "-1,451.10"], ["'-1+1", "-12.50"], ["'@SUM(A1)", "'=1+1"]],
            csv.Skip(1).Select(r => r.Fields));
        Assert.Equal(
            [["'=HYPERLINK(\"http://x\",\"click\")", "-1451.1"], ["'-1+1", "-12.5"], ["'@SUM(A1)", "'=1+1"]], // amounts as number cells
            workbook.Skip(1).Select(r => r.Fields));
    }

    [Fact]
    public void An_unknown_format_is_no_file()
    {
        Assert.Null(TableExport.File(Statement, "pdf"));
    }
}
