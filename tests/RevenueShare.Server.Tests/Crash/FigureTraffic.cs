using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;

namespace RevenueShare.Server.Tests.Crash;

/// <summary>
/// Approved agreements and the figure traffic a tax office sends them, as the crash and backup tests
/// replay it against a ledger and against a clean one: batches for <c>POST /api/figures</c> (each
/// touching every agreement: one event per agreement per batch) and a CSV body for
/// <c>POST /api/figures/import</c>. Each agreement has one enterprise under a cap and one under a
/// baseline, so what a report books depends on what was booked before it: the same traffic in the same
/// order books the same entries, and a report lost or booked twice shows. Every report is distinct; a
/// later batch restates figures of the first ones (revision 2).
/// </summary>
internal sealed class FigureTraffic
{
    private FigureTraffic(IReadOnlyList<string> agreements, IReadOnlyList<IReadOnlyList<string>> enterprises)
    {
        Agreements = agreements;
        Enterprises = enterprises;
    }

    public IReadOnlyList<string> Agreements { get; }

    /// <summary>The enterprises of each agreement, in the order of <see cref="Agreements"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Enterprises { get; }

    /// <summary>
    /// Creates and approves <paramref name="agreements"/> agreements of <paramref name="enterprises"/>
    /// enterprises each (Tianhe and Huangpu, vat and cit at 33.33 / 66.67) through the API.
    /// </summary>
    public static async Task<FigureTraffic> CreateAgreementsAsync(LedgerUnderTest ledger, int agreements, int enterprises)
    {
        var ids = new List<string>();
        var codes = new List<IReadOnlyList<string>>();
        for (var a = 0; a < agreements; a++)
        {
            var own = Enumerable.Range(0, enterprises).Select(e => CreditCode(Huangpu, 500 + (a * 100) + e)).ToArray();
            var listed = own.Select((code, e) => e switch
            {
                0 => Enterprise(code, Huangpu, cap: Cap("30000.00", "vat")),
                1 => Enterprise(code, Huangpu, baselines: new JsonObject { ["cit"] = "5000.00" }),
                _ => Enterprise(code, Huangpu),
            }).ToArray();
            ids.Add(await ledger.CreateActiveAsync(Agreement(
                $"崩溃测试协议 {a}", [Tianhe, Huangpu], listed, [Term(["vat", "cit"], [(Tianhe, "33.33"), (Huangpu, "66.67")])])));
            codes.Add(own);
        }

        return new FigureTraffic(ids, codes);
    }

    /// <summary>vat of 2025, one batch per month, then months 1–3 restated, one batch each.</summary>
    public IReadOnlyList<JsonObject[]> Batches() =>
        [.. Enumerable.Range(1, 12).Select(month => Vat(month, 1)), .. Enumerable.Range(1, 3).Select(month => Vat(month, 2))];

    /// <summary>cit of every month of 2025, one line per enterprise and month (header line 1).</summary>
    public string Csv()
    {
        var csv = new StringBuilder("reportId,enterprise,indicator,month,amount,revision\r\n");
        foreach (var (enterprise, e) in AllEnterprises())
        {
            for (var month = 1; month <= 12; month++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"cit-{month:D2}-{e:D3},{enterprise},cit,2025-{month:D2},{Amount(e, month, 3)},1\r\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>Every reportId of <paramref name="batch"/>.</summary>
    public static IEnumerable<string> ReportIds(JsonObject[] batch) => batch.Select(r => (string)r["reportId"]!);

    /// <summary>Every reportId of the CSV body.</summary>
    public IEnumerable<string> CsvReportIds() =>
        Csv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)]);

    public static HttpRequestMessage BatchRequest(JsonObject[] batch, string token) =>
        Authorized(HttpMethod.Post, "/api/figures", token, new StringContent(
            new JsonObject { ["reports"] = new JsonArray([.. batch.Select(r => (JsonNode)r.DeepClone())]) }.ToJsonString(), Encoding.UTF8, "application/json"));

    public HttpRequestMessage CsvRequest(string token) =>
        Authorized(HttpMethod.Post, "/api/figures/import", token, new StringContent(Csv(), Encoding.UTF8, "text/csv"));

    /// <summary>Each report's status in the answer to a batch or an import (<c>booked</c>, <c>duplicate</c>, <c>rejected</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> StatusesAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("reportId").GetString()!, r => r.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every allocation and adjustment entry of the ledger as finance reads it, without when it was
    /// booked, sorted: two ledgers that booked the same reports in the same order hold the same list.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EntriesAsync(HttpClient client, string financeToken)
    {
        using var request = Authorized(HttpMethod.Get, "/api/allocations", financeToken, null);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"allocations: {(int)response.StatusCode}: {text}");
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("entries").EnumerateArray()
            .Select(Entry.From)
            .Select(e => string.Join('|', e.Agreement, e.ReportId, e.Enterprise, e.Indicator, e.Month, e.District, e.AmountText, e.Kind))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The reportIds that booked entries, each with the agreements whose entries name it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> AgreementsByReport(IEnumerable<string> entries) =>
        entries.Select(e => e.Split('|'))
            .GroupBy(parts => parts[1], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(parts => parts[0]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private JsonObject[] Vat(int month, int revision) =>
        [.. AllEnterprises().Select(x => Report($"vat-{month:D2}-{x.Index:D3}-r{revision}", x.Enterprise, "vat", $"2025-{month:D2}", Amount(x.Index, month, revision), revision))];

    private IEnumerable<(string Enterprise, int Index)> AllEnterprises() =>
        Enterprises.SelectMany(e => e).Select((enterprise, index) => (enterprise, index));

    /// <summary>Amounts with odd fen, so the 33.33 / 66.67 split leaves remainders; large enough to reach the caps.</summary>
    private static string Amount(int enterprise, int month, int revision) =>
        string.Create(CultureInfo.InvariantCulture, $"{1000 + (enterprise * 37) + (month * 113) + (revision * 211)}.{((enterprise * 7) + (month * 3) + revision) % 100:D2}");

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
