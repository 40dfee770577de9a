using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Http;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// The ledger's refusals as RFC 7807 answers: the status follows the code (docs/interfaces.md, Errors:
/// 400 invalid, 403 not yours, 404 not visible, 409 a conflict with the ledger's state), the type names
/// the code, and a refused trigger lists the triggers permitted now.
/// </summary>
public static class RejectionProblems
{
    public static ProblemHttpResult ToResult(Rejection rejection, string pathPrefix = "$") =>
        TypedResults.Problem(ToProblem(rejection, pathPrefix));

    public static ProblemDetails ToProblem(Rejection rejection, string pathPrefix = "$")
    {
        var status = StatusOf(rejection.Code);
        var errors = rejection.Path is null ? null : new[] { new FieldError(Join(pathPrefix, rejection.Path), rejection.Message) };
        var problem = Problems.Create(status, TypeOf(rejection.Code), rejection.Message, errors);
        if (!rejection.PermittedTriggers.IsEmpty)
        {
            problem.Extensions["permittedTriggers"] = rejection.PermittedTriggers;
        }

        if (rejection.CollidesWith is { } other)
        {
            problem.Extensions["collidesWith"] = other.Value;
        }

        return problem;
    }

    /// <summary>An application service's refusal as its answer.</summary>
    public static ProblemHttpResult ToResult(Refusal refusal) => TypedResults.Problem(ToProblem(refusal));

    /// <summary>
    /// A refusal as a problem: the problems of an input as one 400 listing each field, any other
    /// refusal by its code.
    /// </summary>
    public static ProblemDetails ToProblem(Refusal refusal, string? title = null) =>
        refusal.Problems.IsEmpty
            ? ToProblem(refusal.Rejection)
            : Problems.Create(StatusCodes.Status400BadRequest, ProblemCatalogue.InvalidRequest, refusal.Detail, [.. refusal.Problems.Select(p => new FieldError(p.Path, p.Message))], title);

    public static int StatusOf(RejectionCode code) => code switch
    {
        RejectionCode.NotFound => StatusCodes.Status404NotFound,
        RejectionCode.Forbidden => StatusCodes.Status403Forbidden,
        RejectionCode.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    private static string Join(string prefix, string path) =>
        path.StartsWith('$') ? path : prefix + "." + path;

    /// <summary>The catalogue's entry for a code (the catalogue lists them in the code's order of precedence).</summary>
    internal static ProblemType TypeOf(RejectionCode code) => code switch
    {
        RejectionCode.NotFound => ProblemCatalogue.NotFound,
        RejectionCode.Forbidden => ProblemCatalogue.Forbidden,
        RejectionCode.Invalid => ProblemCatalogue.InvalidRequest,
        RejectionCode.TriggerNotAllowed => ProblemCatalogue.TriggerNotAllowed,
        RejectionCode.Overlap => ProblemCatalogue.CoverageOverlap,
        RejectionCode.ReportIdReused => ProblemCatalogue.ReportIdReused,
        RejectionCode.NotCovered => ProblemCatalogue.NotCovered,
        RejectionCode.MonthNotOpen => ProblemCatalogue.MonthNotOpen,
        RejectionCode.RevisionOutOfOrder => ProblemCatalogue.RevisionOutOfOrder,
        RejectionCode.Locked => ProblemCatalogue.MonthLocked,
        RejectionCode.FactorsMissing => ProblemCatalogue.FactorsMissing,
        RejectionCode.HistoryIncomplete => ProblemCatalogue.HistoryIncomplete,
        RejectionCode.HistoryUncertified => ProblemCatalogue.HistoryUncertified,
        _ => ProblemCatalogue.Conflict,
    };
}
