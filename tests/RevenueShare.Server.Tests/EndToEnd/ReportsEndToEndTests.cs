using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// The offices' reports over the sample year (contracts/examples, figures without the restatements)
/// through HTTP on the real store: reconciliation with a report deliberately left out, a district
/// statement and the year-end settlement, checked against numbers derived by hand from the figures
/// files and from the independent oracle's totals (contracts/examples/expected/allocations-2025.json).
/// </summary>
public sealed class ReportsEndToEndTests
{
    /// <summary>The report left out: the double-count enterprise's (registered in 从化 440117) March value-added.</summary>
    private const string LeftOut = "stat-2025-03-0004";

    private const string DoubleCountEnterprise = "91440117MA5AW4FX99";

    [Fact]
    public async Task Reconciliation_of_March_lists_the_missing_report_and_keeps_double_count_credits_out_of_every_total()
    {
        await using var ledger = await StartAsync();
        await LoadSampleYearAsync(ledger, leaveOut: LeftOut);

        var statistics = await ledger.GetAsync("/api/reconciliation?month=2025-03", Statistics);
        Assert.Equal("2025-03", statistics.GetProperty("month").GetString());
        var indicators = statistics.GetProperty("indicators").EnumerateArray().ToArray();
        Assert.Equal(["industrial-output", "value-added", "operating-revenue"], indicators.Select(i => i.GetProperty("indicator").GetString()));
        var missing = Assert.Single(statistics.GetProperty("missing").EnumerateArray());
        Assert.Equal(DoubleCountEnterprise, missing.GetProperty("enterprise").GetString());
        Assert.Equal("value-added", missing.GetProperty("indicator").GetString());
        Assert.All(statistics.GetProperty("reviews").EnumerateArray(), r =>
        {
            Assert.Equal("statistics", r.GetProperty("family").GetString());
            Assert.Equal("none", r.GetProperty("status").GetString());
        });

        // Once the statistics bureau approves March of an agreement (not the one whose report is still
        // to come: that month would be locked), reconciliation shows it.
        var reviewed = statistics.GetProperty("reviews").EnumerateArray()
            .Select(r => r.GetProperty("agreement").GetString()!)
            .First(a => a != missing.GetProperty("agreement").GetString());
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{reviewed}/months/2025-03/reviews", Statistics, new { decision = "approve" });
        var after = await ledger.GetAsync("/api/reconciliation?month=2025-03", Statistics);
        Assert.Equal(
            "approved",
            after.GetProperty("reviews").EnumerateArray().Single(r => r.GetProperty("agreement").GetString() == reviewed).GetProperty("status").GetString());

        var figures = StatisticsFigures().Where(r => (string)r["month"]! == "2025-03" && (string)r["reportId"]! != LeftOut).ToArray();
        foreach (var indicator in indicators)
        {
            var code = indicator.GetProperty("indicator").GetString()!;
            var reported = figures.Where(r => (string)r["indicator"]! == code).Sum(r => Dec((string)r["amount"]!));
            Assert.Equal(reported, Dec(indicator.GetProperty("reported").GetString()!));
            Assert.Equal(reported, Dec(indicator.GetProperty("allocated").GetString()!));
            Assert.Equal("0.0", indicator.GetProperty("difference").GetString());

            // Published: wholly where the enterprise is registered; assessment: as agreed. Both add up to the city total.
            Assert.Equal(reported, Sum(indicator.GetProperty("published")));
            Assert.Equal(reported, Sum(indicator.GetProperty("assessment")));
            Assert.Equal(reported, Sum(indicator.GetProperty("districts")));

            // The double-count agreement (从化 440117 registered, 天河 440106 credited the full figure for
            // assessment) double-counts industrial-output and value-added; its operating-revenue is split.
            var doubleCounted = code == "operating-revenue" ? 0m
                : figures.Where(r => (string)r["indicator"]! == code && (string)r["enterprise"]! == DoubleCountEnterprise).Sum(r => Dec((string)r["amount"]!));
            var credits = indicator.GetProperty("doubleCount");
            Assert.True(doubleCounted == 0m || credits.TryGetProperty("440106", out _), indicator.ToString());
            if (doubleCounted == 0m)
            {
                Assert.False(credits.TryGetProperty("440106", out _), $"{code}: a credit without a figure");
            }
            else
            {
                Assert.Equal(doubleCounted, Dec(credits.GetProperty("440106").GetString()!));
            }
        }

        var finance = await ledger.GetAsync("/api/reconciliation?month=2025-03", Finance);
        Assert.Equal(6, finance.GetProperty("indicators").GetArrayLength());
        Assert.Equal(1, finance.GetProperty("missing").GetArrayLength());
        var vat = finance.GetProperty("indicators")[0];
        Assert.Equal("vat", vat.GetProperty("indicator").GetString());
        Assert.Equal(TaxFigures().Where(r => (string)r["month"]! == "2025-03" && (string)r["indicator"]! == "vat").Sum(r => Dec((string)r["amount"]!)), Dec(vat.GetProperty("reported").GetString()!));
        Assert.Equal("0.00", vat.GetProperty("difference").GetString());
        Assert.Equal(JsonValueKind.Null, vat.GetProperty("published").ValueKind);

        // Reporting the missing figure clears it.
        await ledger.BookAsync(Statistics, [.. StatisticsFigures().Where(r => (string)r["reportId"]! == LeftOut)]);
        Assert.Equal(0, (await ledger.GetAsync("/api/reconciliation?month=2025-03", Statistics)).GetProperty("missing").GetArrayLength());
    }

    [Fact]
    public async Task Statement_and_settlement_of_the_sample_year_match_the_figures_and_the_oracle()
    {
        await using var ledger = await StartAsync();
        await LoadSampleYearAsync(ledger, leaveOut: null);

        // 黄埔 440112 is the registered district of both two-party enterprises and of no other. Their vat
        // figures of 2025 sum to 8,690,398.61 (tax-2025.json); the oracle gives 天河 3,476,159.44 and 黄埔
        // 5,214,239.17 of it: transferred out 3,476,159.44, nothing received, net 5,214,239.17.
        var statement = await ledger.GetAsync("/api/districts/440112/statement?from=2025-01&to=2025-12", District(Huangpu));
        var vat = Indicator(statement, "vat");
        Assert.Equal("8690398.61", vat.GetProperty("registered").GetString());
        Assert.Equal("3476159.44", vat.GetProperty("transferredOut").GetString());
        Assert.Equal("0.00", vat.GetProperty("received").GetString());
        Assert.Equal("5214239.17", vat.GetProperty("net").GetString());
        Assert.Equal(
            8690398.61m,
            TaxFigures().Where(r => ((string)r["enterprise"]!).StartsWith("91440112", StringComparison.Ordinal) && (string)r["indicator"]! == "vat").Sum(r => Dec((string)r["amount"]!)));

        // Statistics stay in 万元 at one decimal: industrial-output 64,060.4 to 天河, 149,473.2 kept (oracle).
        var output = Indicator(statement, "industrial-output");
        Assert.Equal("213533.6", output.GetProperty("registered").GetString());
        Assert.Equal("64060.4", output.GetProperty("transferredOut").GetString());
        Assert.Equal("149473.2", output.GetProperty("net").GetString());
        Assert.Equal(statement.ToString(), (await ledger.GetAsync("/api/districts/440112/statement?from=2025-01&to=2025-12", Finance)).ToString());

        // 天河 440106 is registered nowhere: it only receives, and its double-count credits stand apart.
        var tianhe = await ledger.GetAsync("/api/districts/440106/statement?from=2025-01&to=2025-12", District(Tianhe));
        Assert.Equal("5951661.33", Sum2(Indicator(tianhe, "vat").GetProperty("net"), Indicator(tianhe, "cit").GetProperty("net"), Indicator(tianhe, "pit").GetProperty("net")));
        Assert.Equal("63451.6", Indicator(tianhe, "industrial-output").GetProperty("doubleCount").GetString());
        Assert.Equal("64060.4", Indicator(tianhe, "industrial-output").GetProperty("received").GetString());

        // Settlement: each non-registered party's tax total in the oracle is owed by the registered district.
        // 440105 ← 440113: 367,353.44 + 459,599.94 = 826,953.38; 440103 ← 440115: 1,428,529.47 + 571,470.53
        // = 2,000,000.00; 440104 ← 440118: 1,086,216.98 + 466,866.13 + 158,137.05 = 1,711,220.16;
        // 440106 ← 440112 (3,476,159.44 + 1,451,299.11) and ← 440111/440114 (three parties, vat 1,024,202.78)
        // = 5,951,661.33. 440111 and 440114 between them pay 1,024,202.78 net.
        var settlement = await ledger.GetAsync("/api/settlement?year=2025", Finance);
        var positions = settlement.GetProperty("positions").EnumerateArray()
            .ToDictionary(p => p.GetProperty("district").GetString()!, p => (Net: Dec(p.GetProperty("net").GetString()!), Kind: p.GetProperty("kind").GetString()!));
        Assert.Equal((826953.38m, "补助"), positions["440105"]);
        Assert.Equal((-826953.38m, "上解"), positions["440113"]);
        Assert.Equal((2000000.00m, "补助"), positions["440103"]);
        Assert.Equal((-2000000.00m, "上解"), positions["440115"]);
        Assert.Equal((1711220.16m, "补助"), positions["440104"]);
        Assert.Equal((-1711220.16m, "上解"), positions["440118"]);
        Assert.Equal((5951661.33m, "补助"), positions["440106"]);
        Assert.Equal(-4927458.55m, positions["440112"].Net);
        Assert.Equal(-1024202.78m, positions["440111"].Net + positions["440114"].Net);
        Assert.Equal(0m, positions.Values.Sum(p => p.Net));
        Assert.Contains(settlement.GetProperty("gross").EnumerateArray(), g =>
            g.GetProperty("from").GetString() == "440112" && g.GetProperty("to").GetString() == "440106" && g.GetProperty("indicator").GetString() == "cit" && g.GetProperty("amount").GetString() == "1451299.11");

        // Netted transfers give every district its position, with no more transfers than gross pairs.
        var transfers = settlement.GetProperty("transfers").EnumerateArray().ToArray();
        Assert.True(transfers.Length <= settlement.GetProperty("totals").GetArrayLength());
        var netted = new Dictionary<string, decimal>();
        foreach (var t in transfers)
        {
            var amount = Dec(t.GetProperty("amount").GetString()!);
            netted[t.GetProperty("from").GetString()!] = netted.GetValueOrDefault(t.GetProperty("from").GetString()!) - amount;
            netted[t.GetProperty("to").GetString()!] = netted.GetValueOrDefault(t.GetProperty("to").GetString()!) + amount;
        }

        Assert.All(positions, p => Assert.Equal(p.Value.Net, netted.GetValueOrDefault(p.Key)));

        // A district sees its own rows only.
        var own = await ledger.GetAsync("/api/settlement?year=2025", District("440105"));
        Assert.Equal("826953.38", Assert.Single(own.GetProperty("positions").EnumerateArray()).GetProperty("net").GetString());
        Assert.All(own.GetProperty("gross").EnumerateArray(), g => Assert.True(g.GetProperty("from").GetString() == "440105" || g.GetProperty("to").GetString() == "440105"));
        Assert.Equal(2, own.GetProperty("gross").GetArrayLength());
        Assert.Single(own.GetProperty("transfers").EnumerateArray());
    }

    [Fact]
    public async Task Reports_leave_as_csv_with_bom_chinese_headers_and_crlf()
    {
        await using var ledger = await StartAsync();
        await LoadSampleYearAsync(ledger, leaveOut: null);
        foreach (var (path, office, header, named) in new[]
        {
            ("/api/settlement?year=2025&format=csv", Finance, "年度,项目,付款区,付款区代码,收款区,收款区代码,指标,指标代码,金额（元）,性质,性质代码", "\r\n2025,应付（分税种）,黄埔区,440112,天河区,440106,增值税（地方分享部分）,vat,"),
            ("/api/districts/440112/statement?from=2025-01&to=2025-12&format=csv", Finance, "区,区代码,起始月份,截止月份,指标,指标代码,类别,类别代码,单位,单位代码,本区登记企业,转出,转入,净额,双核算（不计入净额）",
                "\r\n黄埔区,440112,2025-01,2025-12,规上工业总产值,industrial-output,统计,statistics,万元,10k yuan,"),
            ("/api/reconciliation?month=2025-03&format=csv", Statistics, "月份,指标,指标代码,项目,区,区代码,协议,企业,金额,金额代码,单位,单位代码", "\r\n2025-03,规上工业总产值,industrial-output,在地口径,黄埔区,440112,,,"),
            ("/api/allocations?format=csv", Finance, "协议,统一社会信用代码,指标,指标代码,月份,区,区代码,金额,单位,单位代码,类型,报告编号,原因,比例,基数部分,分成部分,封顶剩余（前）,封顶剩余（后）,双核算,记账时间,记账人,记账人代码",
                ",万元,10k yuan,分配,"),
        })
        {
            var response = await ledger.SendAsync(HttpMethod.Get, path, office);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var text = Encoding.UTF8.GetString(bytes[3..]);
            Assert.StartsWith(header + "\r\n", text, StringComparison.Ordinal);
            Assert.Contains(named, text, StringComparison.Ordinal);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // The same through Accept: text/csv.
        var token = await ledger.TokenAsync(Finance);
        using var request = RunningServer.Request(HttpMethod.Get, "/api/settlement?year=2025", token);
        request.Headers.Accept.ParseAdd("text/csv");
        var accepted = await ledger.Server.Client.SendAsync(request);
        Assert.Equal("text/csv", accepted.Content.Headers.ContentType!.MediaType);
        Assert.Contains("轧差划拨", Encoding.UTF8.GetString(await accepted.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/csv", "text/csv")]
    [InlineData("text/csv, */*", "text/csv")]
    [InlineData("text/csv;q=0.9, application/xml", "text/csv")]
    [InlineData("application/json, text/csv;q=0.1", "application/json")]
    [InlineData("text/csv;q=0.5, application/json;q=0.8", "application/json")]
    [InlineData("text/csv, application/json", "application/json")]
    [InlineData("text/csv;q=0", "application/json")]
    [InlineData("text/*", "application/json")]
    [InlineData("*/*", "application/json")]
    public async Task Accept_chooses_csv_only_when_it_prefers_text_csv_to_json(string accept, string answered)
    {
        await using var ledger = await StartAsync();
        using var request = RunningServer.Request(HttpMethod.Get, "/api/settlement?year=2025", await ledger.TokenAsync(Finance));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await ledger.Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answered, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Each_report_route_withholds_what_section_2_withholds()
    {
        await using var ledger = await StartAsync();
        foreach (var (path, office, status) in new (string, string?, HttpStatusCode)[]
        {
            ("/api/reconciliation?month=2025-03", null, HttpStatusCode.Unauthorized),
            ("/api/reconciliation?month=2025-03", Tax, HttpStatusCode.Forbidden),
            ("/api/reconciliation?month=2025-03", District(Tianhe), HttpStatusCode.Forbidden),
            ("/api/reconciliation?month=2025-3", Statistics, HttpStatusCode.BadRequest),
            ("/api/districts/440112/statement?from=2025-01&to=2025-12", null, HttpStatusCode.Unauthorized),
            ("/api/districts/440112/statement?from=2025-01&to=2025-12", District(Tianhe), HttpStatusCode.Forbidden),
            ("/api/districts/440112/statement?from=2025-01&to=2025-12", Tax, HttpStatusCode.Forbidden),
            ("/api/districts/440112/statement?from=2025-01&to=2025-12", Statistics, HttpStatusCode.Forbidden),
            ("/api/districts/999999/statement?from=2025-01&to=2025-12", Finance, HttpStatusCode.NotFound),
            ("/api/districts/440112/statement?from=2025-12&to=2025-01", Finance, HttpStatusCode.BadRequest),
            ("/api/settlement?year=2025", null, HttpStatusCode.Unauthorized),
            ("/api/settlement?year=2025", Tax, HttpStatusCode.Forbidden),
            ("/api/settlement?year=2025", Statistics, HttpStatusCode.Forbidden),
            ("/api/settlement", Finance, HttpStatusCode.BadRequest),
        })
        {
            var response = await ledger.SendAsync(HttpMethod.Get, path, office);
            Assert.True(status == response.StatusCode, $"GET {path} as {office}: expected {(int)status}, got {(int)response.StatusCode}");
        }

        foreach (var (office, status) in new (string?, HttpStatusCode)[]
        {
            (null, HttpStatusCode.Unauthorized), (Finance, HttpStatusCode.Forbidden), (District(Tianhe), HttpStatusCode.Forbidden),
        })
        {
            var response = await FigureImportEndToEndTests.PostCsvAsync(ledger, office, Encoding.UTF8.GetBytes("reportId,enterprise,indicator,month,amount,revision\r\n"));
            Assert.Equal(status, response.StatusCode);
        }
    }

    /// <summary>
    /// The six examples whose figures are tax-2025.json and statistics-2025.json, with those figures. The
    /// three-factor example (weighted-apportionment.json) and the certified-history one (yuexiu-relocation.json)
    /// have figures files, factors and history of their own and are left out: the numbers derived by hand
    /// here are the six's (their totals are ExampleAllocationsEndToEndTests').
    /// </summary>
    internal static async Task LoadSampleYearAsync(LedgerUnderTest ledger, string? leaveOut)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestReference.ContractsDirectory, "examples", "agreements"), "*.json").Order(StringComparer.Ordinal)
            .Where(f => Path.GetFileName(f) is not ("weighted-apportionment.json" or "yuexiu-relocation.json")))
        {
            await ledger.CreateActiveAsync(Example(Path.Combine("agreements", Path.GetFileName(file))));
        }

        await ledger.BookAsync(Tax, TaxFigures());
        await ledger.BookAsync(Statistics, [.. StatisticsFigures().Where(r => (string)r["reportId"]! != leaveOut)]);
    }

    private static JsonObject[] TaxFigures() => Batch("tax-2025.json");

    private static JsonObject[] StatisticsFigures() => Batch("statistics-2025.json");

    private static JsonObject[] Batch(string file) =>
        [.. Example(Path.Combine("figures", file))["reports"]!.AsArray().Select(r => r!.AsObject().DeepClone().AsObject())];

    private static JsonElement Indicator(JsonElement report, string code) =>
        report.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == code);

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static decimal Sum(JsonElement byDistrict) => byDistrict.EnumerateObject().Sum(p => Dec(p.Value.GetString()!));

    private static string Sum2(params JsonElement[] amounts) => amounts.Sum(a => Dec(a.GetString()!)).ToString("F2", CultureInfo.InvariantCulture);
}
