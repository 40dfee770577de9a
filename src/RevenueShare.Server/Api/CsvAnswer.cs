using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Http;

namespace RevenueShare.Server.Api;

/// <summary>Reports leave as CSV when asked by <c>format=csv</c> or <c>Accept: text/csv</c> (docs/interfaces.md).</summary>
public static class CsvAnswer
{
    public const string MediaType = "text/csv";

    /// <summary>
    /// Whether the report is to be answered as CSV: <c>format=csv</c> or <c>format=json</c> decides
    /// (case aside); without <c>format</c>, <c>Accept: text/csv</c>. Any other <c>format</c> is refused
    /// with its path rather than answered as JSON, so a client's typo is not mistaken for a choice.
    /// </summary>
    public static bool TryChoose(HttpContext http, string? format, out bool csv, [NotNullWhen(false)] out ProblemHttpResult? refusal)
    {
        refusal = null;
        csv = false;
        if (format is null)
        {
            csv = http.Request.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase));
        }
        else if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            csv = true;
        }
        else if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            refusal = Problems.BadField("format", $"'{format}' is not an answer format: json or csv.");
            return false;
        }

        return true;
    }

    public static FileContentHttpResult File(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        TypedResults.File(CsvTable.Write(header, rows), MediaType + "; charset=utf-8", name + ".csv");
}
