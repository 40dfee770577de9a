using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RevenueShare.Ledger.Projections;

namespace RevenueShare.Server.Http;

/// <summary>
/// Turns request errors thrown anywhere below into problem answers, so every endpoint reports a
/// malformed body the same way without code of its own: minimal API binding is set to throw
/// (<c>RouteHandlerOptions.ThrowOnBadRequest</c>) instead of answering a bare 400, and Kestrel
/// throws when a body passes the size limit. Other exceptions are left to the default 500 answer.
/// </summary>
public sealed partial class RequestProblemHandler(ILogger<RequestProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A page answers with the Chinese error page, at the status Describe gives (ServerHost).
        if (PageRequests.IsPage(httpContext))
        {
            return false;
        }

        var problem = Describe(exception);
        if (problem is null)
        {
            return false;
        }

        ServerLog.RequestAnswered(logger, exception, problem.Status);
        if (exception is LedgerBusyException busy)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await Problems.WriteAsync(httpContext, problem);
        return true;
    }

    /// <summary>The problem for a request error, or null when the exception is not one.</summary>
    internal static ProblemDetails? Describe(Exception exception)
    {
        if (JsonBodyProblem.Describe(exception) is { } json)
        {
            return json;
        }

        if (exception is LedgerBusyException busy)
        {
            return Problems.Create(StatusCodes.Status429TooManyRequests, ProblemCatalogue.Busy, busy.Message);
        }

        if (exception is ReadSideUnavailableException unavailable)
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, ProblemCatalogue.Unavailable, unavailable.Message);
        }

        if (exception is BadHttpRequestException bad)
        {
            return ParameterOf(bad) is { } error
                ? Problems.ForStatus(bad.StatusCode, error.Message, [error])
                : Problems.ForStatus(bad.StatusCode, bad.Message);
        }

        return null;
    }

    /// <summary>
    /// The parameter a minimal API could not bind (a query's <c>year=abc</c>), as a field error named
    /// by the parameter, or null when the failure is not about one. The framework tells only in its
    /// message — <c>Failed to bind parameter "Nullable&lt;int&gt; year" from "abc".</c>, <c>Required
    /// parameter "int year" was not provided from query string.</c> — so the message is read here, and
    /// rewritten without the C# type, which means nothing to a client. (A body's JSON errors have
    /// their own path, above.)
    /// </summary>
    private static FieldError? ParameterOf(BadHttpRequestException bad)
    {
        var match = BindingFailure().Match(bad.Message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var message = match.Groups["value"].Success
            ? $"'{match.Groups["value"].Value}' is not a valid value of {name}."
            : match.Groups["required"].Success ? $"{name} is required." : $"{name} could not be read from the request.";
        return new FieldError(name, message);
    }

    [GeneratedRegex("""^(?:Failed to bind parameter "[^"]* (?<name>[^" ]+)" from "(?<value>.*)"\.|(?<required>Required) parameter "[^"]* (?<name>[^" ]+)" was not provided.*|.*parameter "[^"]* (?<name>[^" ]+)".*)$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();
}
