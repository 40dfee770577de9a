using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Server.Http;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// The body of an import route (figures, factors): a CSV text or an Excel workbook, told apart by its
/// <c>Content-Type</c>, read up to <see cref="FigureService.MaxImportBytes"/>.
/// </summary>
internal static class ImportBody
{
    /// <summary>The file's bytes and whether it is a workbook, or the problem to answer instead (no media type, too large).</summary>
    public static async Task<(byte[]? File, bool Workbook, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        // Routing refuses a media type other than those accepted, but lets a body without one through.
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return (null, false, TypedResults.Problem(Problems.ForStatus(
                StatusCodes.Status415UnsupportedMediaType,
                $"Send the {what} as {CsvAnswer.MediaType} or as an Excel workbook ({Presentation.TableExport.XlsxMediaType}), with that Content-Type.")));
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > FigureService.MaxImportBytes)
            {
                return (null, false, RejectionProblems.ToResult(FigureService.TooLarge()));
            }

            body.Write(buffer, 0, read);
        }

        return (body.ToArray(), request.ContentType.StartsWith(Presentation.TableExport.XlsxMediaType, StringComparison.OrdinalIgnoreCase), null);
    }
}
