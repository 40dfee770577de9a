using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Http;

namespace RevenueShare.Server.Api;

/// <summary>Reports leave as CSV when asked by <c>format=csv</c> or <c>Accept: text/csv</c> (docs/interfaces.md).</summary>
public static class CsvAnswer
{
    public const string MediaType = "text/csv";

    /// <summary>
    /// Whether the report is to be answered as CSV: <c>format=csv</c> or <c>format=json</c> decides
    /// (case aside); without <c>format</c>, the <c>Accept</c> header (<see cref="Prefers"/>). Any other
    /// <c>format</c> is refused with its path rather than answered as JSON, so a client's typo is not
    /// mistaken for a choice.
    /// </summary>
    public static bool TryChoose(HttpContext http, string? format, out bool csv, [NotNullWhen(false)] out ProblemHttpResult? refusal)
    {
        refusal = null;
        csv = false;
        if (format is null)
        {
            csv = Prefers(http.Request.GetTypedHeaders().Accept);
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

    /// <summary>
    /// Whether <paramref name="accept"/> prefers CSV to JSON, by quality as HTTP weighs them: each type
    /// is given the quality of the most specific range that names it (<c>text/csv</c> before
    /// <c>text/*</c> before <c>*/*</c>). CSV only when the client names <c>text/csv</c> and gives it
    /// more than JSON, or as much while not naming <c>application/json</c>; JSON is the default.
    /// </summary>
    public static bool Prefers(IList<MediaTypeHeaderValue> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var csv = Quality(accept, "text", "csv");
        var json = Quality(accept, "application", "json");
        return csv.Named && csv.Quality > 0 && (csv.Quality > json.Quality || (csv.Quality == json.Quality && !json.Named));
    }

    public static FileContentHttpResult File(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        TypedResults.File(CsvTable.Write(header, rows), MediaType + "; charset=utf-8", name + ".csv");

    private static (bool Named, double Quality) Quality(IList<MediaTypeHeaderValue> accept, string type, string subtype)
    {
        (int Specificity, double Quality) best = (-1, 0);
        foreach (var range in accept)
        {
            var specificity = range.MatchesAllTypes ? 0
                : !range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) ? -1
                : range.MatchesAllSubTypes ? 1
                : range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase) ? 2 : -1;
            if (specificity > best.Specificity)
            {
                best = (specificity, range.Quality ?? 1);
            }
        }

        return (best.Specificity == 2, best.Specificity < 0 ? 0 : best.Quality);
    }
}
