using System.Text;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Golden;

/// <summary>
/// Version 2 of the CSV answers carries version 1 (docs/interfaces.md, CSV answers): for each golden
/// CSV answer of version 1, the version 2 answer to the same request has the same status and rows,
/// each version 1 column <c>H</c> survives whole as <c>H代码</c> where that column exists, else as
/// <c>H</c>, and every name beside a code is the name the documented mapping gives it. A machine that
/// read version 1 reads version 2 by the code headers and misses nothing.
/// </summary>
public sealed class CsvVersion2Tests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The version 2 header of each report, as docs/interfaces.md lists it.</summary>
    private static readonly (string Route, string[] Header)[] Headers =
    [
        ("/api/allocations", ["协议", "统一社会信用代码", "指标", "指标代码", "月份", "区", "区代码", "金额", "单位", "单位代码", "类型", "报告编号", "原因", "比例",
            "基数部分", "分成部分", "封顶剩余（前）", "封顶剩余（后）", "双核算", "记账时间", "记账人", "记账人代码"]),
        ("/api/districts/", ["区", "区代码", "起始月份", "截止月份", "指标", "指标代码", "类别", "类别代码", "单位", "单位代码", "本区登记企业", "转出", "转入", "净额", "双核算（不计入净额）"]),
        ("/api/reconciliation", ["月份", "指标", "指标代码", "项目", "区", "区代码", "协议", "企业", "金额", "金额代码", "单位", "单位代码"]),
        ("/api/settlement", ["年度", "项目", "付款区", "付款区代码", "收款区", "收款区代码", "指标", "指标代码", "金额（元）", "性质", "性质代码"]),
    ];

    /// <summary>The words of docs/interfaces.md for codes that are not in the catalogue: families, units, offices, positions, review states.</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["tax"] = "税收",
        ["statistics"] = "统计",
        ["yuan"] = "元",
        ["10k yuan"] = "万元",
        ["上解"] = "上解",
        ["补助"] = "补助",
        ["none"] = "持平",
    };

    private static readonly Dictionary<string, string> Offices = new(StringComparer.Ordinal)
    {
        ["finance"] = "市财政局",
        ["tax"] = "市税务局",
        ["statistics"] = "市统计局",
    };

    private static readonly Dictionary<string, string> ReviewStates = new(StringComparer.Ordinal)
    {
        ["none"] = "待审核",
        ["approved"] = "已确认",
        ["disputed"] = "有异议",
        ["reopened"] = "已重开",
    };

    public static TheoryData<string> CsvAnswers() => new(GoldenReads.Requests().Where(r => r.AsksCsv).Select(r => r.FileName));

    [Fact]
    public void Every_csv_answer_of_version_1_has_one_of_version_2()
    {
        var csv = GoldenReads.Requests().Where(r => r.AsksCsv).Select(r => r.FileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(19, csv.Length);
        Assert.Equal(csv, Directory.GetFiles(GoldenJournalTests.CsvAnswersFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(csv, name => Assert.True(File.Exists(Path.Combine(GoldenJournalTests.AnswersFolder, name)), name));
    }

    [Theory]
    [MemberData(nameof(CsvAnswers))]
    public void Version_2_holds_every_version_1_column_under_its_code_header_or_its_own(string fileName)
    {
        var (head1, v1) = Answer(GoldenJournalTests.AnswersFolder, fileName);
        var (head2, v2) = Answer(GoldenJournalTests.CsvAnswersFolder, fileName);
        Assert.Equal(head1, head2);
        Assert.Equal(Headers.Single(h => head2.StartsWith("GET " + h.Route, StringComparison.Ordinal)).Header, v2[0]);
        Assert.Equal(v1.Count, v2.Count);
        Assert.True(v1.Count > 1, "a golden CSV answer without rows proves nothing");

        foreach (var (header, column) in v1[0].Select((h, i) => (h, i)))
        {
            var carrying = v2[0].Contains(header + "代码") ? header + "代码" : header;
            var at = Index(v2[0], carrying);
            for (var row = 1; row < v1.Count; row++)
            {
                Assert.True(v1[row][column] == v2[row][at], $"{fileName} line {row + 1}, {header} → {carrying}: '{v1[row][column]}' became '{v2[row][at]}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CsvAnswers))]
    public void Each_name_is_the_one_the_mapping_gives_its_code(string fileName)
    {
        var (_, v2) = Answer(GoldenJournalTests.CsvAnswersFolder, fileName);
        var header = v2[0];
        var reference = TestReference.Reference;
        foreach (var code in header.Where(h => h.EndsWith("代码", StringComparison.Ordinal) && h != "统一社会信用代码"))
        {
            var name = code[..^"代码".Length];
            for (var row = 1; row < v2.Count; row++)
            {
                var value = v2[row][Index(header, code)];
                string Named() => code switch
                {
                    _ when value.Length == 0 => string.Empty,
                    "区代码" or "付款区代码" or "收款区代码" => reference.Districts.Single(d => d.Code == value).Name,
                    "指标代码" => reference.Indicators.FirstOrDefault(i => i.Code == value)?.Name ?? Words[value],
                    "记账人代码" => Offices[value],
                    "金额代码" => ReviewStates.GetValueOrDefault(value, value),
                    _ => Words[value],
                };

                Assert.True(Named() == v2[row][Index(header, name)], $"{fileName} line {row + 1}: {code} '{value}' is named '{v2[row][Index(header, name)]}', not '{Named()}'");
            }
        }

        // Where amounts of 元 and 万元 share a column, each row's unit is its indicator's.
        if (header.Contains("单位代码") && header.Contains("金额"))
        {
            for (var row = 1; row < v2.Count; row++)
            {
                var indicator = reference.Indicators.FirstOrDefault(i => i.Code == v2[row][Index(header, "指标代码")]);
                Assert.Equal(indicator?.Unit ?? string.Empty, v2[row][Index(header, "单位代码")]);
            }
        }
    }

    [Fact]
    public void The_names_are_the_offices_words()
    {
        var (_, statement) = Answer(GoldenJournalTests.CsvAnswersFolder, "_api_districts_440106_statement_from_2025-01_to_2025-12_as_finance.csv.txt");
        Assert.Equal(["天河区", "440106", "2025-01", "2025-12", "增值税（地方分享部分）", "vat", "税收", "tax", "元", "yuan"], statement[1].Take(10));
        Assert.Equal(["统计", "statistics", "万元", "10k yuan"], statement.Single(r => r[5] == "industrial-output").Skip(6).Take(4));
    }

    /// <summary>A kept answer's head (request line, status, content type) and its CSV records, the body checked to be UTF-8 with a BOM.</summary>
    private static (string Head, IReadOnlyList<IReadOnlyList<string>> Records) Answer(string folder, string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, fileName));
        var end = bytes.AsSpan().IndexOf("\n\n"u8) + 2;
        Assert.True(end > 1, $"{fileName} has no head");
        var head = Encoding.UTF8.GetString(bytes, 0, end);
        Assert.Contains(" text/csv; charset=utf-8\n", head, StringComparison.Ordinal);
        Assert.True(bytes.AsSpan(end).StartsWith(Bom), $"{fileName}: CSV without a BOM");
        var body = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, end + Bom.Length, bytes.Length - end - Bom.Length);
        return (head, [.. CsvTable.Read(body).Select(r => r.Fields)]);
    }

    private static int Index(IReadOnlyList<string> header, string column)
    {
        var at = header.ToList().IndexOf(column);
        Assert.True(at >= 0, $"no column {column}");
        return at;
    }
}
