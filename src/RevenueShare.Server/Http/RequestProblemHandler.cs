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
public sealed class RequestProblemHandler(ILogger<RequestProblemHandler> logger) : IExceptionHandler
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
            return Problems.Create(StatusCodes.Status429TooManyRequests, "busy", "The ledger is busy; send the batch again later.", busy.Message);
        }

        if (exception is ReadSideUnavailableException unavailable)
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "unavailable", "The service is not ready.", unavailable.Message);
        }

        if (exception is BadHttpRequestException bad)
        {
            return Problems.ForStatus(bad.StatusCode, bad.Message);
        }

        return null;
    }
}
