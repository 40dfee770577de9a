using Microsoft.AspNetCore.Diagnostics;

namespace RevenueShare.Server.Http;

/// <summary>
/// Whether the service takes requests. With <c>--demo</c> it does not until the demo is loaded: until
/// then <c>/health</c> answers 503 and every other request (API or page) 503 with <c>Retry-After</c>, so
/// nobody's agreement takes a number between the demo's and no one reads half a demo (docs/decisions.md,
/// "HTTP floor"). Without a demo the service is ready from the start. Once a stop has begun (SIGTERM)
/// it takes no new request either: the requests already in flight are finished and answered, each new
/// one is answered 503 before it has booked anything, so its client knows to send it again
/// (docs/operations.md, Stop).
/// </summary>
public sealed class Readiness
{
    /// <summary>What a client waiting for readiness is told to wait between attempts.</summary>
    public const string RetryAfterSeconds = "1";

    /// <summary>What a request that arrives during a stop is told.</summary>
    public const string StoppingDetail = "The service is stopping: nothing of this request was done; send it again once the service is back.";

    private readonly string? starting;
    private string? notReady;

    /// <param name="waitingFor">What the service waits for before it is ready (said in the 503's detail); null when ready now.</param>
    public Readiness(string? waitingFor)
    {
        starting = waitingFor is { } what ? $"The service is starting: {what}." : null;
        notReady = starting;
    }

    /// <summary>Why the service takes no request, as a sentence: null while it takes them.</summary>
    public string? NotReadyDetail => Volatile.Read(ref notReady);

    /// <summary>The service is started (the demo loaded): unless a stop began meanwhile, which stays a stop.</summary>
    public void MarkReady() => Interlocked.CompareExchange(ref notReady, null, starting);

    /// <summary>The stop has begun: from now on every request but <c>/health</c> is refused.</summary>
    public void MarkStopping() => Volatile.Write(ref notReady, StoppingDetail);

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
