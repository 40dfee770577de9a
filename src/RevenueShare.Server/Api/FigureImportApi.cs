using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>POST /api/figures/import</c>: a figure batch as a CSV body or an Excel workbook
/// (<c>Content-Type</c> of .xlsx; docs/interfaces.md, CSV figures),
/// imported by the <see cref="FigureService"/>: each line's outcome carries its line number (the header
/// is line 1). Re-importing a file books nothing twice: its reportIds come back as duplicates.
/// </summary>
public static class FigureImportApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures/import", PostAsync)
            .Accepts<string>(CsvAnswer.MediaType, Presentation.TableExport.XlsxMediaType)
            .WithTags("Figures")
            .WithName("ImportFigures")
            .WithSummary("Import a figures file (上传报表)")
            .WithDescription("The same as a batch, from a CSV body (UTF-8 with or without BOM, or GB18030) or an Excel workbook (first sheet): a header row (reportId,enterprise,indicator,month,amount,revision or 报告编号,统一社会信用代码,指标,月份,金额,修订号), then one report per line; each line's outcome carries its line number (the header is line 1). A file that cannot be read is refused whole (400). Re-importing a file books nothing twice.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Ok<FigureImportResponse>, ProblemHttpResult>> PostAsync(
        HttpContext http, FigureService figures, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (FigureService.MayReport(office) is { } forbidden)
        {
            return RejectionProblems.ToResult(forbidden);
        }

        var (file, workbook, problem) = await ImportBody.ReadAsync(http.Request, "figures", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = workbook
            ? await figures.ImportXlsxAsync(office, file!, cancellationToken)
            : await figures.ImportCsvAsync(office, file!, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        return TypedResults.Ok(new FigureImportResponse(
            [.. outcome.Value.Select(Result)]));
    }

    private static FigureImportResult Result(ImportedLine line)
    {
        var result = FiguresApi.Result(line.Outcome);
        return new FigureImportResult(line.Line, result.ReportId, result.Status, result.Agreement, result.Error);
    }
}
