using System.Net;
using System.Text;
using System.Text.Json;
using RevenueShare.Server.Tests.EndToEnd;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>
/// Committed GB18030 files (Fixtures/README.md), as Excel in China saves "CSV", imported through the real
/// HTTP endpoint: four-byte sequences decode (one reaches the ledger in a reportId), the ignored 企业名称
/// column may hold any of them, and a file with a byte that is neither UTF-8 nor GB18030 is refused whole
/// with its line.
/// </summary>
public sealed class Gb18030FixtureImportTests
{
    private static readonly string Enterprise = CreditCode(Huangpu, 41);

    private static readonly byte[] Bmp20000 = [0x95, 0x32, 0x82, 0x36];

    private static readonly byte[] Emoji = [0x94, 0x39, 0xFC, 0x36];

    [Fact]
    public async Task A_gb18030_file_with_four_byte_sequences_books_its_lines_and_rejects_the_bad_one_by_line()
    {
        var bytes = await FixtureAsync("figures-gb18030.csv");
        Assert.True(bytes.AsSpan().IndexOf(Bmp20000) >= 0 && bytes.AsSpan().IndexOf(Emoji) >= 0, "the fixture holds both four-byte sequences");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        await using var ledger = await StartAsync();
        await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat", "cit"]));

        var response = await FigureImportEndToEndTests.PostCsvAsync(ledger, Tax, bytes);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (Line: r.GetProperty("line").GetInt32(), ReportId: r.GetProperty("reportId").GetString(), Status: r.GetProperty("status").GetString()))
            .ToArray();
        Assert.Equal(
            [(2, "gb-0001", "booked"), (3, "gb-\U00020000-0002", "booked"), (4, "gb-0003", "booked"), (5, "gb-0004", "rejected")],
            results);
        var entries = await ledger.AllocationsAsync();
        Assert.Equal(2100.01m, entries.Where(e => e.Indicator == "vat").Sum(e => e.Amount));
        Assert.Equal(333.33m, entries.Where(e => e.Indicator == "cit").Sum(e => e.Amount));
        Assert.Equal(["gb-0001", "gb-0003", "gb-\U00020000-0002"], entries.Select(e => e.ReportId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_gb18030_file_with_an_undecodable_byte_is_refused_whole_naming_its_line()
    {
        var bytes = await FixtureAsync("figures-gb18030-undecodable.csv");
        await using var ledger = await StartAsync();
        await ledger.CreateActiveAsync(TwoParty(Enterprise, ["vat"]));

        var response = await FigureImportEndToEndTests.PostCsvAsync(ledger, Tax, bytes);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            "Line 3: byte 36 of the line (0xFF) is neither UTF-8 nor GB18030; save the file from Excel as \"CSV UTF-8\" or \"CSV\".",
            problem.Detail);
        Assert.Equal("$", Assert.Single(problem.Errors).Path);
        Assert.Empty(await ledger.AllocationsAsync());
    }

    private static Task<byte[]> FixtureAsync(string name) =>
        File.ReadAllBytesAsync(Path.Combine(TestReference.ContractsDirectory, "..", "tests", "RevenueShare.Server.Tests", "Csv", "Fixtures", name));
}
