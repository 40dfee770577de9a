using System.Text;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Cli;

/// <summary><c>revshare import</c> and <c>revshare export</c> against a running ledger, output redirected.</summary>
public sealed class ImportExportCommandTests
{
    [Fact]
    public async Task Import_prints_plain_progress_and_each_rejected_line_and_fails_then_a_rerun_books_nothing()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 31);
        await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"]));
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "figures.csv");
        await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(
            "reportId,enterprise,indicator,month,amount,revision\r\n"
            + $"c-1,{enterprise},vat,2025-01,10.00,1\r\n"
            + $"c-2,{enterprise},vat,2025-02,10.001,1\r\n"
            + $"c-3,{enterprise},vat,2025-03,30.00,1\r\n")]);
        string[] args = ["import", file, "--server", ledger.Server.Client.BaseAddress!.ToString(), "--token", await ledger.TokenAsync(Tax), "--chunk", "2"];

        var (code, stdout, stderr) = await RunAsync(args);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("imported 2/3 lines", stderr, StringComparison.Ordinal);
        Assert.Contains("imported 3/3 lines", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: rejected:", stderr, StringComparison.Ordinal);
        Assert.Equal("booked 2, duplicate 0, rejected 1", stdout.Trim());

        (_, stdout, _) = await RunAsync(args);
        Assert.Equal("booked 0, duplicate 2, rejected 1", stdout.Trim());
        Assert.Equal(4, (await ledger.AllocationsAsync()).Count);

        var output = Path.Combine(folder.Path, "settlement.csv");
        (code, _, stderr) = await RunAsync(["export", "settlement", "--year", "2025", "--out", output, "--server", ledger.Server.Client.BaseAddress!.ToString(), "--token", await ledger.TokenAsync(Finance)]);
        Assert.True(code == ExitCodes.Ok, stderr);
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("黄埔区,440112,天河区,440106,增值税（地方分享部分）,vat,20.00", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        (code, _, stderr) = await RunAsync(["export", "statement", "--district", "440106", "--from", "2025-01", "--to", "2025-12", "--server", ledger.Server.Client.BaseAddress!.ToString(), "--token", await ledger.TokenAsync(District(Huangpu))]);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("403", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reads_an_excel_workbook_as_it_reads_csv()
    {
        await using var ledger = await StartAsync();
        var enterprise = CreditCode(Huangpu, 32);
        await ledger.CreateActiveAsync(TwoParty(enterprise, ["vat"]));
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "figures.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(file, new object[]
        {
            new Dictionary<string, object> { ["报告编号"] = "x-1", ["统一社会信用代码"] = enterprise, ["指标"] = "vat", ["月份"] = "2025-01", ["金额"] = "10.00", ["修订号"] = 1 },
            new Dictionary<string, object> { ["报告编号"] = "x-2", ["统一社会信用代码"] = enterprise, ["指标"] = "vat", ["月份"] = "2025-02", ["金额"] = 20.5, ["修订号"] = 1 },
        });
        string[] args = ["import", file, "--server", ledger.Server.Client.BaseAddress!.ToString(), "--token", await ledger.TokenAsync(Tax)];

        var (code, stdout, stderr) = await RunAsync(args);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal("booked 2, duplicate 0, rejected 0", stdout.Trim());
        Assert.Equal(30.50m, (await ledger.AllocationsAsync()).Sum(e => e.Amount));
    }

    [Fact]
    public async Task Import_refuses_a_file_named_xlsx_that_is_not_a_workbook()
    {
        await using var ledger = await StartAsync();
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "figures.xlsx");
        await File.WriteAllTextAsync(file, "reportId,enterprise\r\n");

        var (code, _, stderr) = await RunAsync(["import", file, "--server", ledger.Server.Client.BaseAddress!.ToString(), "--token", await ledger.TokenAsync(Tax)]);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("not an Excel workbook", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await RevshareCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
