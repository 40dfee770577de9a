using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace RevenueShare.Server.Http;

/// <summary>
/// RFC 7807 answers (docs/interfaces.md, Errors): every error the API gives is
/// <c>application/problem+json</c> with <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> and, for
/// request errors, an <c>errors</c> list of <see cref="FieldError"/>. Endpoints return these results;
/// middleware (authentication, the exception handler) writes the same shape through
/// <see cref="WriteAsync"/>.
/// </summary>
public static class Problems
{
    /// <summary>The extension member listing field errors.</summary>
    public const string ErrorsKey = "errors";

    /// <summary>Base of our problem type URIs: names, not addresses, so nothing pretends to be a page to read.</summary>
    public const string TypeBase = "urn:revenueshare:problem:";

    /// <summary>Builds the problem document; <paramref name="type"/> is a slug under <see cref="TypeBase"/>.</summary>
    public static ProblemDetails Create(int status, string type, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase + type,
            Title = title,
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
            problem.Type = TypeBase + known.Type;
            problem.Title = known.Title;
        }
    }

    /// <summary>A problem for a bare status code, in our vocabulary where we have one.</summary>
    public static ProblemDetails ForStatus(int status, string? detail = null, IReadOnlyList<FieldError>? errors = null)
    {
        var (type, title) = Known(status) ?? ("status-" + status, "The request failed.");
        var problem = Create(status, type, title, detail, errors);
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

    private static (string Type, string Title)? Known(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("invalid-request", "The request is invalid."),
        StatusCodes.Status401Unauthorized => ("unauthorized", "Authentication is required."),
        StatusCodes.Status403Forbidden => ("forbidden", "This office may not do that."),
        StatusCodes.Status404NotFound => ("not-found", "Not found."),
        StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "This method is not allowed here."),
        StatusCodes.Status409Conflict => ("conflict", "The request conflicts with the ledger's state."),
        StatusCodes.Status413PayloadTooLarge => ("too-large", "The request body is too large."),
        StatusCodes.Status414UriTooLong => ("uri-too-long", "The request line is too long."),
        StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", "The body's media type is not accepted here."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("headers-too-large", "The request's headers are too large."),
        StatusCodes.Status503ServiceUnavailable => ("unavailable", "The service is not ready."),
        >= 500 => ("internal", "The server failed; the request may be retried."),
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

    /// <summary>409: the request conflicts with the ledger's state; <paramref name="code"/> names the conflict (<c>locked-month</c>, ...).</summary>
    public static ProblemHttpResult Conflict(string code, string detail) =>
        TypedResults.Problem(Create(StatusCodes.Status409Conflict, code, "The request conflicts with the ledger's state.", detail));

    /// <summary>503: a dependency (the store) is not available.</summary>
    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(ForStatus(StatusCodes.Status503ServiceUnavailable, detail));
}
