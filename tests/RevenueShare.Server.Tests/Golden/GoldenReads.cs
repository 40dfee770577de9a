using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Golden;

/// <summary>
/// Every read route over the golden history, as each office that may (or may not) see it, in JSON and,
/// where the route offers it, CSV. An answer is kept whole: status, content type and body bytes.
/// </summary>
internal static class GoldenReads
{
    private static readonly string[] Municipal = [LedgerUnderTest.Finance, LedgerUnderTest.Tax, LedgerUnderTest.Statistics];

    private static string[] Districts => [.. TestReference.Reference.Districts.Select(d => d.Code)];

    private static string[] Offices => [.. Municipal, .. Districts.Select(LedgerUnderTest.District)];

    private static IEnumerable<string> Agreements => Enumerable.Range(1, 8).Select(n => $"GZ-2026-{n:D4}");

    private static IEnumerable<string> Months2025 => Enumerable.Range(1, 12).Select(m => $"2025-{m:D2}");

    /// <summary>One read: the path, the office asking, and whether CSV is asked for by the Accept header.</summary>
    public sealed record Request(string Path, string Office, bool Csv)
    {
        /// <summary>Whether the request asks for CSV, by the Accept header or by <c>format=csv</c>.</summary>
        public bool AsksCsv => Csv || Path.Contains("format=csv", StringComparison.Ordinal);

        /// <summary>The answer's file name: the request, spelled so a file system takes it.</summary>
        public string FileName
        {
            get
            {
                var name = new StringBuilder();
                foreach (var c in $"{Path} as {Office}")
                {
                    name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' ? c : '_');
                }

                return name.Append(Csv ? ".csv.txt" : ".json.txt").ToString();
            }
        }
    }

    public static IReadOnlyList<Request> Requests()
    {
        var requests = new List<Request>();
        void Add(string path, params string[] offices) => requests.AddRange(offices.Select(o => new Request(path, o, Csv: false)));
        void AddCsv(string path, params string[] offices) => requests.AddRange(offices.Select(o => new Request(path, o, Csv: true)));

        Add("/api/agreements", Offices);
        foreach (var id in Agreements)
        {
            Add($"/api/agreements/{id}", Offices);
            Add($"/api/agreements/{id}/events", LedgerUnderTest.Finance, LedgerUnderTest.District(Docs.Tianhe), LedgerUnderTest.Tax);
            Add($"/api/agreements/{id}/lifecycle?format=mermaid", LedgerUnderTest.Finance);
            Add($"/api/agreements/{id}/lifecycle?format=dot", LedgerUnderTest.Finance);
        }

        foreach (var month in Months2025.Take(6))
        {
            Add($"/api/agreements/{GoldenHistory.TwoParty}/months/{month}/reviews", LedgerUnderTest.Tax, LedgerUnderTest.Statistics, LedgerUnderTest.Finance);
        }

        Add($"/api/agreements/GZ-2026-0002/months/2025-03/reviews", LedgerUnderTest.Tax, LedgerUnderTest.Statistics);

        Add("/api/allocations", Offices);
        AddCsv("/api/allocations", LedgerUnderTest.Finance, LedgerUnderTest.District(Docs.Huangpu));
        Add("/api/allocations?format=csv", LedgerUnderTest.Tax);
        Add($"/api/allocations?agreement={GoldenHistory.TwoParty}&indicator=vat&from=2025-09&to=2025-12", LedgerUnderTest.Finance, LedgerUnderTest.District(Docs.Tianhe));
        Add("/api/allocations?district=440106&from=2025-03&to=2025-03", LedgerUnderTest.Finance, LedgerUnderTest.District(Docs.Tianhe), LedgerUnderTest.Statistics);
        Add("/api/allocations?indicator=industrial-output", LedgerUnderTest.Statistics, LedgerUnderTest.Tax);

        foreach (var month in Months2025)
        {
            Add($"/api/reconciliation?month={month}", LedgerUnderTest.Finance, LedgerUnderTest.Statistics, LedgerUnderTest.Tax);
        }

        AddCsv("/api/reconciliation?month=2025-03", LedgerUnderTest.Finance, LedgerUnderTest.Statistics);
        Add("/api/reconciliation?month=2026-01&format=csv", LedgerUnderTest.Finance);

        foreach (var district in Districts)
        {
            Add($"/api/districts/{district}/statement?from=2025-01&to=2025-12", LedgerUnderTest.Finance, LedgerUnderTest.District(district));
            AddCsv($"/api/districts/{district}/statement?from=2025-01&to=2025-12", LedgerUnderTest.Finance);
        }

        Add("/api/districts/440106/statement?from=2025-10&to=2026-03", LedgerUnderTest.District(Docs.Tianhe), LedgerUnderTest.District(Docs.Huangpu));

        Add("/api/settlement?year=2025", Offices);
        AddCsv("/api/settlement?year=2025", LedgerUnderTest.Finance, LedgerUnderTest.District(Docs.Tianhe));
        Add("/api/settlement?year=2026", LedgerUnderTest.Finance);
        return requests;
    }

    /// <summary>A problem's traceId names the HTTP request, not anything in the ledger: kept out of the comparison.</summary>
    private static readonly Regex TraceId = new("\"traceId\":\"[^\"]*\"", RegexOptions.CultureInvariant);

    /// <summary>
    /// The answer as it is kept: the request line, status, content type, a blank line, then the body's
    /// bytes (a problem's traceId blanked).
    /// </summary>
    public static async Task<byte[]> AnswerAsync(LedgerUnderTest ledger, Request request)
    {
        var token = await ledger.TokenAsync(request.Office);
        using var message = RunningServer.Request(HttpMethod.Get, request.Path, token);
        if (request.Csv)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        }

        using var response = await ledger.Server.Client.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            body = Encoding.UTF8.GetBytes(TraceId.Replace(Encoding.UTF8.GetString(body), "\"traceId\":\"-\""));
        }

        var head = $"GET {request.Path} as {request.Office}{(request.Csv ? " (Accept: text/csv)" : "")}\n"
            + $"{(int)response.StatusCode} {response.Content.Headers.ContentType}\n\n";
        return [.. Encoding.UTF8.GetBytes(head), .. body];
    }
}
