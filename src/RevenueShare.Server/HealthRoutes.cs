using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Ledger.Observability;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Http;

namespace RevenueShare.Server;

/// <summary>
/// The probes an operator's supervisor asks (docs/operations.md, Health), with no token:
/// <c>/health/live</c> — the process runs and answers; <c>/health/ready</c> — it can take work: the
/// demo (if asked for) is loaded, the read database answers at this release's read schema, the journal
/// can be written, the read side is caught up within its bound (<see cref="LedgerReadiness"/>).
/// <c>/health</c> answers as ready does. Each names the versions (<see cref="HealthVersions"/>).
/// </summary>
internal static class HealthRoutes
{
    private const string Tag = "Service";

    public static void Map(WebApplication app)
    {
        app.MapGet("/health/live", Live).AllowAnonymous().DisableRateLimiting().WithName("HealthLive").WithTags(Tag)
            .WithSummary("Liveness (进程存活)")
            .WithDescription("The process runs and answers; says nothing of its stores. Needs no token.");
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().DisableRateLimiting().WithName("HealthReady").WithTags(Tag)
            .WithSummary("Readiness (可受理)")
            .WithDescription("Whether the service can take work: the demo loaded (with --demo), the read database answering at this release's read schema, the journal writable, the read side caught up within its lag bound. 503 with the failing checks otherwise. Needs no token.");
        app.MapGet("/health", ReadyAsync).AllowAnonymous().DisableRateLimiting().WithName("Health").WithTags(Tag)
            .WithSummary("Health (服务状态)")
            .WithDescription("As /health/ready. Needs no token.");
    }

    private static Ok<Health> Live(ReadDatabase database) => TypedResults.Ok(new Health("live", StoreName(database), HealthVersions.Current, []));

    private static async Task<Results<Ok<Health>, ProblemHttpResult>> ReadyAsync(
        ReadDatabase database, Readiness readiness, LedgerReadiness ledger, HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (readiness.NotReadyDetail is { } starting)
        {
            http.Response.Headers.RetryAfter = Readiness.RetryAfterSeconds;
            return Problems.Unavailable(starting);
        }

        var checks = (await ledger.CheckAsync(cancellationToken))
            .Select(c => new HealthCheck(c.Name, c.Ready ? "ok" : "failing", c.Detail))
            .ToArray();
        var failing = checks.Where(c => c.Status != "ok").ToArray();
        if (failing.Length == 0)
        {
            return TypedResults.Ok(new Health("ok", StoreName(database), HealthVersions.Current, checks));
        }

        ServerLog.NotReady(loggers.CreateLogger(typeof(HealthRoutes)), string.Join("; ", failing.Select(c => $"{c.Name}: {c.Detail}")));
        http.Response.Headers.RetryAfter = Readiness.RetryAfterSeconds;
        var problem = Problems.ForStatus(StatusCodes.Status503ServiceUnavailable, string.Join(" ", failing.Select(c => $"{char.ToUpperInvariant(c.Name[0])}{c.Name[1..]}: {c.Detail}")));
        problem.Extensions["checks"] = checks;
        return TypedResults.Problem(problem);
    }

    private static string StoreName(ReadDatabase database) => database.Kind == StoreKind.Sqlite ? "sqlite" : "postgresql";
}
