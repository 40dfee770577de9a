using Microsoft.AspNetCore.Server.Kestrel.Core;
using RevenueShare.Server.Observability;

namespace RevenueShare.Server.Http;

/// <summary>
/// The addresses Kestrel listens on, by purpose: the offices' (<see cref="ServeOptions.Urls"/>) and the
/// scraper's (<see cref="ServeOptions.MetricsUrls"/>). Each URL becomes one of Kestrel's configured
/// endpoints, so Kestrel's own parsing applies (hosts, port 0); the endpoints' options are kept to tell,
/// once bound, which address is which.
/// </summary>
public sealed class ListenAddresses
{
    private readonly List<(BindingAddress Configured, ListenOptions Listen)> api = [];
    private readonly List<(BindingAddress Configured, ListenOptions Listen)> metrics = [];

    /// <summary>The offices' addresses as bound (a port 0 replaced by the one taken); known once the server has started.</summary>
    public IReadOnlyList<string> Api => [.. api.Select(Bound)];

    /// <summary>The scraper's addresses as bound; none when metrics are off.</summary>
    public IReadOnlyList<string> Metrics => [.. metrics.Select(Bound)];

    internal void Configure(KestrelServerOptions kestrel, ServeOptions options)
    {
        var apiUrls = Split(options.Urls);
        var metricsUrls = Split(options.MetricsUrls);
        var endpoints = new Dictionary<string, string?>();
        for (var i = 0; i < apiUrls.Length; i++)
        {
            endpoints[$"Endpoints:Api{i}:Url"] = apiUrls[i];
        }

        for (var i = 0; i < metricsUrls.Length; i++)
        {
            endpoints[$"Endpoints:Metrics{i}:Url"] = metricsUrls[i];
        }

        if (options.Certificate is { } certificate)
        {
            // Every https endpoint without a certificate of its own takes this one.
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
        }

        var loader = kestrel.Configure(new ConfigurationBuilder().AddInMemoryCollection(endpoints).Build());
        for (var i = 0; i < apiUrls.Length; i++)
        {
            var url = BindingAddress.Parse(apiUrls[i]);
            loader.Endpoint($"Api{i}", endpoint => api.Add((url, endpoint.ListenOptions)));
        }

        for (var i = 0; i < metricsUrls.Length; i++)
        {
            var url = BindingAddress.Parse(metricsUrls[i]);
            loader.Endpoint($"Metrics{i}", endpoint =>
            {
                MetricsEndpoint.Mark(endpoint.ListenOptions);
                metrics.Add((url, endpoint.ListenOptions));
            });
        }
    }

    private static string[] Split(string? urls) =>
        urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static string Bound((BindingAddress Configured, ListenOptions Listen) endpoint) =>
        $"{endpoint.Configured.Scheme}://{endpoint.Configured.Host}:{endpoint.Listen.IPEndPoint?.Port ?? endpoint.Configured.Port}";
}
