using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace RevenueShare.Server.Http;

/// <summary>
/// RFC 7807 answers (docs/interfaces.md, Errors): every error the API gives is
/// <c>application/problem+json</c> with <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> and, for
/// request errors, an <c>errors</c> list of <see cref="FieldError"/>. Endpoints return these results;
/// middleware (authentication, the exception handler) writes the same shape through
/// <see cref="WriteAsync"/>. Every <c>type</c> is an entry of <see cref="ProblemCatalogue"/>.
/// </summary>
public static class Problems
{
    /// <summary>The extension member listing field errors.</summary>
    public const string ErrorsKey = "errors";

    /// <summary>Base of our problem type URIs: names, not addresses, so nothing pretends to be a page to read.</summary>
    public const string TypeBase = "urn:revenueshare:problem:";

    /// <summary>
    /// Builds the problem document of a catalogue entry, at <paramref name="status"/> where the entry's
    /// status varies (a batch's first refusal); <paramref name="title"/> replaces the entry's own only where
    /// one answer holds several problems (a rejected report inside a batch).
    /// </summary>
    public static ProblemDetails Create(int status, ProblemType type, string? detail = null, IReadOnlyList<FieldError>? errors = null, string? title = null)
    {
        var problem = new ProblemDetails
        {
            Type = type.Uri,
            Title = title ?? type.Title,
            Status = status,
            Detail = detail,
        };
        if (errors is { Count: > 0 })
        {
            problem.Extensions[ErrorsKey] = errors;
        }

        return problem;
    }

    /// <summary>
    /// Gives the problems ASP.NET Core writes itself (status code pages, a 413 from body binding,
    /// a 405) our type and title, so a client meets one vocabulary whoever wrote the answer.
    /// Problems we built (a <c>urn:</c> type) pass unchanged. Use as
    /// <c>ProblemDetailsOptions.CustomizeProblemDetails</c>.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is not null && !problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (Known(status) is { } known)
        {
            problem.Type = known.Uri;
            problem.Title = known.Title;
        }
    }

    /// <summary>A problem for a bare status code, in our vocabulary where we have one.</summary>
    public static ProblemDetails ForStatus(int status, string? detail = null, IReadOnlyList<FieldError>? errors = null)
    {
        var type = Known(status)
            ?? new ProblemType(ProblemCatalogue.OtherStatusPrefix + status, status, ProblemCatalogue.OtherStatusTitle, "");
        var problem = Create(status, type, detail, errors);
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            problem.Detail ??= $"Request bodies are limited to {ServerHost.MaxRequestBodyBytes} bytes.";
        }

        return problem;
    }

    /// <summary>
    /// Writes a problem whatever the request's Accept header says: the API speaks only
    /// problem+json, and the framework's writer would otherwise refuse a browser's request.
    /// </summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem) =>
        TypedResults.Problem(problem).ExecuteAsync(context);

    /// <summary>The catalogue's entry for a bare status, or null when it has none.</summary>
    internal static ProblemType? Known(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemCatalogue.InvalidRequest,
        StatusCodes.Status401Unauthorized => ProblemCatalogue.Unauthorized,
        StatusCodes.Status403Forbidden => ProblemCatalogue.Forbidden,
        StatusCodes.Status404NotFound => ProblemCatalogue.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemCatalogue.MethodNotAllowed,
        StatusCodes.Status409Conflict => ProblemCatalogue.Conflict,
        StatusCodes.Status413PayloadTooLarge => ProblemCatalogue.TooLarge,
        StatusCodes.Status414UriTooLong => ProblemCatalogue.UriTooLong,
        StatusCodes.Status415UnsupportedMediaType => ProblemCatalogue.UnsupportedMediaType,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ProblemCatalogue.HeadersTooLarge,
        StatusCodes.Status503ServiceUnavailable => ProblemCatalogue.Unavailable,
        >= 500 => ProblemCatalogue.Internal,
        _ => null,
    };

    /// <summary>400: the request is malformed or invalid; each error names its field.</summary>
    public static ProblemHttpResult BadRequest(string detail, params IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(ForStatus(StatusCodes.Status400BadRequest, detail, errors));

    /// <summary>400 for a single field.</summary>
    public static ProblemHttpResult BadField(string path, string message) =>
        BadRequest(message, new FieldError(path, message));

    /// <summary>403: the caller may see the resource but not take this action (docs/users-and-rights.md).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(ForStatus(StatusCodes.Status403Forbidden, detail));

    /// <summary>404: the resource does not exist or the caller may not see it (the two look alike on purpose).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(ForStatus(StatusCodes.Status404NotFound, detail));

    /// <summary>503: a dependency (the store) is not available.</summary>
    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(ForStatus(StatusCodes.Status503ServiceUnavailable, detail));
}
