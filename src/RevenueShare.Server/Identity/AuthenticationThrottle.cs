using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RevenueShare.Server.Http;
using RevenueShare.Server.Observability;

namespace RevenueShare.Server.Identity;

/// <summary>
/// Throttles failed authentications per client address (docs/decisions.md, "Throttled credentials"):
/// each failure takes a permit of the address's fixed-window limiter (System.Threading.RateLimiting,
/// the limiters ASP.NET Core's rate limiting is built on); once none is left, the rate-limiting
/// middleware refuses every request from the address, whatever its credentials, with 429 and
/// <c>Retry-After</c> until the window is replenished. A request that authenticates, or carries no
/// credentials at all, takes nothing. Failures are logged with the address, the route and the count,
/// never the token.
/// </summary>
public sealed class AuthenticationThrottle : IDisposable
{
    private readonly AuthenticationThrottling limits;
    private readonly PartitionedRateLimiter<IPAddress> failures;
    private readonly ILogger<AuthenticationThrottle> logger;
    private readonly ServerMetrics metrics;

    public AuthenticationThrottle(ServeOptions options, ILogger<AuthenticationThrottle> logger, ServerMetrics metrics)
    {
        limits = options.Throttling;
        this.logger = logger;
        this.metrics = metrics;
        failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.FailuresPerWindow, Window = limits.Window, QueueLimit = 0 }));
        Gate = new FailureGate(failures);
    }

    /// <summary>
    /// The rate-limiting middleware's global limiter: a request passes while its address has failures
    /// left in the window, and spends none by passing.
    /// </summary>
    public PartitionedRateLimiter<HttpContext> Gate { get; }

    /// <summary>Wires the gate into ASP.NET Core's rate-limiting middleware, answering a refusal with 429 problem+json.</summary>
    public static void Configure(RateLimiterOptions options, AuthenticationThrottle throttle)
    {
        options.GlobalLimiter = throttle.Gate;
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (rejected, _) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : (int)Math.Ceiling(throttle.limits.Window.TotalSeconds);
            var context = rejected.HttpContext;
            throttle.metrics.Throttled();
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return new ValueTask(PageRequests.RefuseAsync(context, Problems.Create(
                StatusCodes.Status429TooManyRequests,
                ProblemCatalogue.AuthenticationThrottled,
                $"This address has failed to authenticate {throttle.limits.FailuresPerWindow} times within {throttle.limits.Window.TotalSeconds:0} s; retry after {seconds} s.")));
        };
    }

    /// <summary>Counts a failed authentication of <paramref name="context"/>'s address, and logs it.</summary>
    public void RecordFailure(HttpContext context)
    {
        metrics.AuthenticationFailed();
        var address = AddressOf(context);
        using var lease = failures.AttemptAcquire(address);
        var left = (int)(failures.GetStatistics(address)?.CurrentAvailablePermits ?? 0);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        ServerLog.AuthenticationFailed(logger, address, route, limits.FailuresPerWindow - left, limits.FailuresPerWindow);
        if (lease.IsAcquired && left == 0)
        {
            ServerLog.AddressThrottled(logger, address, limits.Window);
        }
    }

    public void Dispose()
    {
        Gate.Dispose();
        failures.Dispose();
    }

    /// <summary>
    /// The address a request is counted under: IPv4 as it is (an IPv4-mapped IPv6 address as IPv4), IPv6
    /// by its /64, the smallest block one host is given, so rotating addresses within it gains nothing.
    /// </summary>
    private static IPAddress AddressOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    /// <summary>Asks for no permit (<c>AttemptAcquire(0)</c>): whether the address has failures left, spending none.</summary>
    private sealed class FailureGate(PartitionedRateLimiter<IPAddress> failures) : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => failures.GetStatistics(AddressOf(resource));

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            failures.AttemptAcquire(AddressOf(resource), 0);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));
    }
}
