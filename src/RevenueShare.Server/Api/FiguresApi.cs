using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>POST /api/figures</c>: a batch of figure reports from the tax office or the statistics bureau.
/// Each report stands alone — booked, duplicate or rejected with its reason — so one bad report does
/// not sink the others. When nothing in the batch was accepted the answer is the first refusal's
/// 4xx, with every report's outcome attached.
/// </summary>
public static class FiguresApi
{
    /// <summary>Put a limit on everything: larger batches are split by the sender.</summary>
    public const int MaxReportsPerBatch = 10_000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures", PostAsync).WithTags("Figures").WithName("PostFigures");
    }

    public static async Task<Results<Ok<FigureBatchResponse>, ProblemHttpResult>> PostAsync(
        FigureBatchRequest? batch, HttpContext http, LedgerGateway ledger, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (office.Kind is not (PrincipalKind.Tax or PrincipalKind.Statistics))
        {
            return Problems.Forbidden("Only the tax office and the statistics bureau report figures.");
        }

        if (batch?.Reports is not { Count: > 0 } documents)
        {
            return Problems.BadField("$.reports", "A batch needs at least one report.");
        }

        if (documents.Count > MaxReportsPerBatch)
        {
            return Problems.BadField("$.reports", $"A batch holds at most {MaxReportsPerBatch} reports; got {documents.Count}.");
        }

        var results = await BookAsync(office, documents, ledger, reference, cancellationToken);
        return Answer(results);
    }

    /// <summary>Validates and books reports; shared with the CSV import, which numbers them by line.</summary>
    public static async Task<FigureResult[]> BookAsync(
        Principal office, IReadOnlyList<FigureReportDocument?> documents, LedgerGateway ledger, ReferenceData reference, CancellationToken cancellationToken)
    {
        var results = new FigureResult[documents.Count];
        var valid = new List<(int Index, FigureReport Report)>();
        for (var i = 0; i < documents.Count; i++)
        {
            var path = $"$.reports[{i}]";
            if (!FigureReportReader.TryRead(documents[i], path, reference, out var report, out var problems))
            {
                var problem = Problems.Create(
                    StatusCodes.Status400BadRequest, "invalid-request", "The report is invalid.",
                    problems.Count == 1 ? problems[0].Message : $"{problems.Count} problems; see errors.",
                    [.. problems.Select(p => new FieldError(p.Path, p.Message))]);
                results[i] = new FigureResult(documents[i]?.ReportId, "rejected", null, problem);
                continue;
            }

            var family = report.Indicator.Family;
            if (Principal.ReporterOf(family) != office)
            {
                var rejection = new Rejection(RejectionCode.Forbidden, $"{report.Indicator} is reported by {Principal.ReporterOf(family)}, not {office}.", "indicator");
                results[i] = new FigureResult(report.ReportId, "rejected", null, RejectionProblems.ToProblem(rejection, path));
                continue;
            }

            valid.Add((i, report));
        }

        if (valid.Count > 0)
        {
            var outcomes = await ledger.BookAsync(office, [.. valid.Select(v => v.Report)], cancellationToken);
            for (var k = 0; k < valid.Count; k++)
            {
                var outcome = outcomes[k];
                var index = valid[k].Index;
                results[index] = new FigureResult(
                    outcome.ReportId,
                    outcome.Status switch
                    {
                        ReportStatus.Booked => "booked",
                        ReportStatus.Duplicate => "duplicate",
                        _ => "rejected",
                    },
                    outcome.Agreement?.Value,
                    outcome.Rejection is null ? null : RejectionProblems.ToProblem(outcome.Rejection, $"$.reports[{index}]"));
            }
        }

        return results;
    }

    private static Results<Ok<FigureBatchResponse>, ProblemHttpResult> Answer(FigureResult[] results)
    {
        if (results.Any(r => r.Status != "rejected"))
        {
            return TypedResults.Ok(new FigureBatchResponse(results));
        }

        var first = results[0].Error!;
        var problem = Problems.Create(
            first.Status ?? StatusCodes.Status400BadRequest,
            "batch-rejected",
            "No report of the batch was accepted.",
            results.Length == 1 ? first.Detail : $"All {results.Length} reports were rejected; the first: {first.Detail}",
            [.. results.SelectMany(r => r.Error?.Extensions.TryGetValue(Problems.ErrorsKey, out var errors) == true && errors is IEnumerable<FieldError> list ? list : [])]);
        problem.Extensions["results"] = results;
        return TypedResults.Problem(problem);
    }
}
