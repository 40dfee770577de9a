using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Http;

/// <summary>
/// Which requests are for the offices' pages (and their static files) rather than for the API and
/// the machine routes: these answer errors as Chinese HTML pages, the others as problem+json.
/// </summary>
public static class PageRequests
{
    private static readonly PathString[] MachinePrefixes = ["/api", "/openapi", "/health"];

    public static bool IsPage(HttpContext context) =>
        !MachinePrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A page address that matches no page is answered before authorization runs, which would
    /// challenge it with the bearer fallback policy's 401 problem meant for the API: a signed-in
    /// office gets 404 (the Chinese page), anyone else the sign-in page, as for any other page, so
    /// which addresses exist is not shown before signing in.
    /// </summary>
    public static async Task AnswerUnmatched(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is not null || !IsPage(context))
        {
            await next(context);
            return;
        }

        if ((await context.AuthenticateAsync(OfficeSession.SchemeName)).Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await context.ChallengeAsync(OfficeSession.SchemeName);
    }

    /// <summary>
    /// Answers a request refused before its endpoint runs (a limit, the service still starting, an
    /// address throttled): problem+json for the API and the machine routes; for a page only the status,
    /// which the status-code pages re-execute to its Chinese error page.
    /// </summary>
    public static Task RefuseAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return IsPage(context) ? Task.CompletedTask : Problems.WriteAsync(context, problem);
    }
}
