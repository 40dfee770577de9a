using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Server.Csv;

namespace RevenueShare.Server.Api;

/// <summary>Reports leave as CSV when asked by <c>Accept: text/csv</c> or <c>format=csv</c> (docs/interfaces.md).</summary>
public static class CsvAnswer
{
    public const string MediaType = "text/csv";

    public static bool Wanted(HttpContext http, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || http.Request.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase));

    public static FileContentHttpResult File(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        TypedResults.File(CsvTable.Write(header, rows), MediaType + "; charset=utf-8", name + ".csv");
}
