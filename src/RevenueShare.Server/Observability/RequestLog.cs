using System.Diagnostics;
using System.Security.Claims;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Observability;

/// <summary>
/// One log line per request, once answered: method, route template, status, office and duration.
/// The route's template, not the path, and never the query, a header or a body: a path or a query
/// can carry an enterprise's credit code, a header a token (docs/operations.md, Logs).
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                var office = context.User.FindFirstValue(OfficeClaims.PrincipalClaim) ?? "-";
                var milliseconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
                Answered(logger, context.Request.Method, route, context.Response.StatusCode, office, milliseconds);
            }
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} to {Office} in {DurationMs} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int status, string office, double durationMs);
}
