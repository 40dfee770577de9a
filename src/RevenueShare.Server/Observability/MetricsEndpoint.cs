using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using RevenueShare.Ledger.Observability;

namespace RevenueShare.Server.Observability;

/// <summary>
/// <c>/metrics</c> in Prometheus's text format (OpenTelemetry's exporter), on listen addresses of its
/// own (<see cref="ServeOptions.MetricsUrls"/>, loopback by default): a scraper needs no token, so the
/// metrics are kept off the offices' addresses and the offices' routes off the metrics addresses.
/// What is measured: the ledger's and the HTTP floor's meters, ASP.NET Core's request instruments and
/// the runtime's own (GC, working set).
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>The runtime's built-in meter: collections, heap sizes, working set, thread pool.</summary>
    private const string RuntimeMeter = "System.Runtime";

    /// <summary>The <c>service_name</c> Prometheus sees on <c>target_info</c>.</summary>
    private const string ServiceName = "revshare";

    private static readonly object ListenerKey = new();

    public static void AddMetrics(IServiceCollection services) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
            .AddMeter(LedgerMetrics.MeterName, ServerMetrics.MeterName, RuntimeMeter)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());

    /// <summary>Marks every connection of <paramref name="listen"/> as a scraper's.</summary>
    public static void Mark(ListenOptions listen) => listen.Use(next => connection =>
    {
        connection.Items[ListenerKey] = ListenerKey;
        return next(connection);
    });

    /// <summary>
    /// First in the pipeline: a request on a metrics address is answered there — <c>/metrics</c> by the
    /// exporter, anything else 404 — and never reaches the offices' pipeline.
    /// </summary>
    public static void Map(IApplicationBuilder app) =>
        app.MapWhen(IsScrape, scrape => scrape.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == Path));

    private static bool IsScrape(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(ListenerKey) == true;
}
