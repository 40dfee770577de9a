using Microsoft.AspNetCore.Diagnostics;

namespace RevenueShare.Server.Http;

/// <summary>
/// Whether the service takes requests yet. With <c>--demo</c> it does not until the demo is loaded:
/// until then <c>/health</c> answers 503 and every other request (API or page) 503 with
/// <c>Retry-After</c>, so nobody's agreement takes a number between the demo's and no one reads half a
/// demo (docs/decisions.md, "HTTP floor"). Without a demo the service is ready from the start.
/// </summary>
public sealed class Readiness
{
    /// <summary>What a client waiting for readiness is told to wait between attempts.</summary>
    public const string RetryAfterSeconds = "1";

    private volatile string? waitingFor;

    /// <param name="waitingFor">What the service waits for before it is ready (said in the 503's detail); null when ready now.</param>
    public Readiness(string? waitingFor) => this.waitingFor = waitingFor;

    public bool IsReady => waitingFor is null;

    /// <summary>What the service still waits for, as a sentence: null once ready.</summary>
    public string? NotReadyDetail => waitingFor is { } what ? $"The service is starting: {what}." : null;

    public void MarkReady() => waitingFor = null;

    /// <summary>Middleware: refuses every request but <c>/health</c> (which answers for itself) while not ready.</summary>
    public Task GateAsync(HttpContext context, RequestDelegate next)
    {
        // A page refused here is re-executed to its error page: that one is answered.
        if (NotReadyDetail is not { } detail
            || context.Request.Path.StartsWithSegments("/health")
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context);
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return PageRequests.RefuseAsync(context, Problems.ForStatus(StatusCodes.Status503ServiceUnavailable, detail));
    }
}
