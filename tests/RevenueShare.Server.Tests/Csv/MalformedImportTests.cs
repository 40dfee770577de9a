using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Services;
using RevenueShare.Server.Tests.EndToEnd;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>
/// Files that are not readable CSV, through <c>POST /api/figures/import</c> on the real server and through
/// <c>revshare import</c>: refused whole with 400 problem+json naming the line (and the column where the
/// reader knows it), nothing booked, and the record's text in no log line and no answer — figures and
/// enterprise names are tax and statistics secrets.
/// </summary>
public sealed class MalformedImportTests
{
    private const string Header = "报告编号,统一社会信用代码,企业名称,指标,月份,金额,修订号\r\n";

    /// <summary>Text of the bad line that must never be shown: an enterprise name and an amount.</summary>
    private const string SecretName = "绝密示例企业";

    private const string SecretAmount = "987654.32";

    private static readonly string Enterprise = CreditCode(Huangpu, 51);

    private static readonly string GoodLine = $"ok-1,{Enterprise},示例,vat,2025-01,10.00,1\r\n";

    public static TheoryData<string, byte[], int, int?, string> Files => new()
    {
        { "a stray quote", Utf8($"ab\"c,{Enterprise},{SecretName},vat,2025-02,{SecretAmount},1\r\n"), 3, 1, "a quote stands inside a field" },
        { "an unterminated quoted field", Utf8($"bad-1,{Enterprise},\"{SecretName},vat,2025-02,{SecretAmount},1\r\nok-2,{Enterprise},示例,vat,2025-03,1.00,1\r\n"), 3, 3, "never closed" },
        { "text after a closing quote", Utf8($"bad-1,{Enterprise},\"{SecretName}\"x,vat,2025-02,{SecretAmount},1\r\n"), 3, 3, "text follows the closing quote" },
        { "a NUL", Utf8($"bad-1,{Enterprise},{SecretName}\0,vat,2025-02,{SecretAmount},1\r\n"), 3, 3, "NUL" },
        { "binary bytes", [.. Encoding.UTF8.GetBytes(Header + GoodLine + $"bad-1,{Enterprise},{SecretName},vat,2025-02,{SecretAmount},"), 0x80, 0xFF, 0x00, 0x01, 0xFE, 0xFE], 3, null, "neither UTF-8 nor GB18030" },
        // A PNG's first bytes read as GB18030 (89 50 is a character), and its line 3 starts with NULs.
        { "a PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], 3, 1, "NUL" },
        { "a UTF-16 file", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + GoodLine)], 1, null, "UTF-16" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_file_that_is_not_readable_csv_is_refused_whole_with_its_line_and_nothing_reaches_the_log(
        string file, byte[] bytes, int line, int? column, string fault)
    {
        await using var ledger = await StartAsync();
        await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat"]));
        var log = CapturedLog.Of(ledger.Server.App);

        var response = await FigureImportEndToEndTests.PostCsvAsync(ledger, Tax, bytes);

        var text = await response.Content.ReadAsStringAsync();
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        var place = column is { } c ? $"Line {line}, column {c}: " : $"Line {line}: ";
        Assert.True(problem.Detail?.StartsWith(place, StringComparison.Ordinal) == true, $"{file}: {problem.Detail}");
        Assert.Contains(fault, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(new[] { ("$", problem.Detail!) }, problem.Errors);
        Assert.Empty(await ledger.AllocationsAsync());
        foreach (var secret in new[] { SecretName, SecretAmount })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, log.Text, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, byte[]> NotWorkbooks => new()
    {
        { "empty", [] },
        { "CSV text", Utf8("ok-2,x,y\r\n") },
        { "half a workbook", HalfAWorkbook() },
        { "a zip without a sheet", Zip(("hello.txt", "hi")) },
        { "a sheet that is not XML", Zip(("xl/worksheets/sheet1.xml", "<<<" + SecretName)) },
        { "a cell the reader cannot place", Zip(("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"d\"><v>" + SecretName + "</v></c><c r=\"B1\" t=\"b\"><v>x</v></c><c r=\"C1\" s=\"99\"><v>1</v></c></row></sheetData></worksheet>")) },
    };

    [Theory]
    [MemberData(nameof(NotWorkbooks))]
    public async Task An_upload_that_is_not_a_valid_workbook_is_refused_with_400(string file, byte[] bytes)
    {
        await using var ledger = await StartAsync();
        var log = CapturedLog.Of(ledger.Server.App);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var request = RunningServer.Request(HttpMethod.Post, "/api/figures/import", await ledger.TokenAsync(Tax), content);

        using var response = await ledger.Server.Client.SendAsync(request);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.Detail == "The file is not an Excel workbook (.xlsx) that can be read.", $"{file}: {problem.Detail}");
        Assert.DoesNotContain(SecretName, log.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A zip bomb: 300 MiB of sheet XML packed into well under the upload limit. Refused from the sizes
    /// its entries declare, before anything is inflated (.NET's zip reader never inflates past them).
    /// </summary>
    [Fact]
    public async Task A_workbook_that_unpacks_past_its_bound_is_refused_before_it_is_read()
    {
        await using var ledger = await StartAsync();
        await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat"]));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var mib = 0; mib < 300; mib++)
            {
                await sheet.WriteAsync(spaces);
            }
        }

        Assert.True(buffer.Length < FigureService.MaxImportBytes, $"the bomb is {buffer.Length} bytes");
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var request = RunningServer.Request(HttpMethod.Post, "/api/figures/import", await ledger.TokenAsync(Tax), content);

        using var response = await ledger.Server.Client.SendAsync(request);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            $"The workbook unpacks to 300 MiB, more than the {Workbook.MaxUnpackedBytes / (1024 * 1024)} MiB a figures workbook may: split it, or send it as CSV.",
            problem.Detail);
        Assert.Equal(new[] { ("$", problem.Detail!) }, problem.Errors);
        Assert.Empty(await ledger.AllocationsAsync());
    }

    [Fact]
    public async Task Revshare_import_refuses_malformed_quoting_with_the_line_and_column_and_sends_nothing()
    {
        await using var ledger = await StartAsync();
        await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat"]));
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "figures.csv");
        await File.WriteAllBytesAsync(path, Utf8($"ab\"c,{Enterprise},{SecretName},vat,2025-02,{SecretAmount},1\r\n"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await RevshareCli.RunAsync(
            ["import", path, "--server", ledger.Server.Client.BaseAddress!.ToString(), "--token", await ledger.TokenAsync(Tax)], stdout, stderr);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith("revshare: Line 3, column 1: a quote stands inside a field", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretName, stderr.ToString() + stdout, StringComparison.Ordinal);
        Assert.Empty(await ledger.AllocationsAsync());
    }

    private static byte[] Utf8(string badLines) => Encoding.UTF8.GetBytes(Header + GoodLine + badLines);

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] HalfAWorkbook()
    {
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, new[] { new Dictionary<string, object> { ["报告编号"] = "x-1", ["金额"] = 1 } });
        var whole = buffer.ToArray();
        return whole[..(whole.Length / 2)];
    }
}
