using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>POST /api/figures</c>: a batch of figure reports from the tax office or the statistics bureau,
/// booked by the <see cref="FigureService"/>. Each report stands alone; when nothing in the batch was
/// accepted the answer is the first refusal's 4xx, with every report's outcome attached.
/// </summary>
public static class FiguresApi
{
    /// <summary>The operation's name in the contract, the one whose refusal can be a whole batch's.</summary>
    public const string OperationName = "PostFigures";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures", PostAsync).WithTags("Figures").WithName(OperationName)
            .WithSummary("Report figures (上报数据)")
            .WithDescription("A batch of up to 10,000 reports from the tax office (tax indicators) or the statistics bureau (statistical ones). Each report stands alone: booked, duplicate (the same reportId with the same content: nothing changes) or rejected with its problem. When no report was booked the answer is the first refusal's status, type batch-rejected, with every report's outcome in results. 429 busy: nothing was booked; send the same batch again after Retry-After.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Ok<FigureBatchResponse>, ProblemHttpResult>> PostAsync(
        FigureBatchRequest? batch, HttpContext http, FigureService figures, CancellationToken cancellationToken)
    {
        var outcome = await figures.ReportAsync(http.Office(), batch?.Reports, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var results = outcome.Value.Select(Result).ToArray();
        if (results.Any(r => r.Status != "rejected"))
        {
            return TypedResults.Ok(new FigureBatchResponse(results));
        }

        var first = results[0].Error!;
        var problem = Problems.Create(
            first.Status ?? StatusCodes.Status400BadRequest,
            ProblemCatalogue.BatchRejected,
            results.Length == 1 ? first.Detail : $"All {results.Length} reports were rejected; the first: {first.Detail}",
            [.. results.SelectMany(r => r.Error?.Extensions.TryGetValue(Problems.ErrorsKey, out var errors) == true && errors is IEnumerable<FieldError> list ? list : [])]);
        problem.Extensions["results"] = results;
        return TypedResults.Problem(problem);
    }

    /// <summary>One report's outcome on the wire; shared with the CSV import.</summary>
    public static FigureResult Result(ReportLineOutcome outcome) => new(
        outcome.ReportId,
        StatusName(outcome.Status),
        outcome.Agreement?.Value,
        outcome.Refusal is null ? null : RejectionProblems.ToProblem(outcome.Refusal, "The report is invalid."));

    /// <summary>A report's outcome as the API names it, for figures and factors alike.</summary>
    internal static string StatusName(ReportStatus status) => status switch
    {
        ReportStatus.Booked => "booked",
        ReportStatus.Duplicate => "duplicate",
        _ => "rejected",
    };
}
