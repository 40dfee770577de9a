using RevenueShare.Ledger;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Configuration;

/// <summary><c>revshare serve</c>'s options from the configuration, every value checked before anything starts.</summary>
public static class ServeConfiguration
{
    /// <summary>The options, or an <see cref="InvalidConfigurationException"/> naming every problem found.</summary>
    public static ServeOptions Read(ServiceConfiguration configuration)
    {
        var store = StoreConfiguration.Read(configuration);
        var contracts = StoreConfiguration.Contracts(configuration);
        var urls = Addresses(configuration, ServiceSettings.Urls) ?? ServeOptions.DefaultUrls;
        var metrics = configuration.Text(ServiceSettings.MetricsUrls) is { } given && given.Equals("off", StringComparison.OrdinalIgnoreCase)
            ? null
            : Addresses(configuration, ServiceSettings.MetricsUrls) ?? ServeOptions.DefaultMetricsUrls;
        var certificate = ServerCertificate.Load(configuration);
        var https = IsHttps(urls) || (metrics is not null && IsHttps(metrics));
        if (https && certificate is null && !configuration.Has(ServiceSettings.CertificatePath))
        {
            configuration.Problem(IsHttps(urls) ? ServiceSettings.Urls.Key : ServiceSettings.MetricsUrls.Key, $"lists an https address, which needs a certificate: {ServiceSettings.CertificatePath.Key} ({ServiceSettings.CertificatePath.Flag}).");
        }
        else if (!https && configuration.Has(ServiceSettings.CertificatePath))
        {
            configuration.Problem(ServiceSettings.CertificatePath.Key, $"is given but no address of {ServiceSettings.Urls.Key} or {ServiceSettings.MetricsUrls.Key} is https.");
        }

        var ledger = LedgerOptions.Default with
        {
            PassivateAfter = configuration.Seconds(ServiceSettings.PassivateAfterSeconds, LedgerOptions.Default.PassivateAfter),
            ReadLagBound = configuration.Seconds(ServiceSettings.ReadLagBoundSeconds, LedgerOptions.Default.ReadLagBound),
            ProjectionBacklog = configuration.Number(ServiceSettings.ProjectionBacklog, min: 1) ?? LedgerOptions.Default.ProjectionBacklog,
            ReadingBacklog = configuration.Number(ServiceSettings.ReadingBacklog, min: 1) ?? LedgerOptions.Default.ReadingBacklog,
        };
        var throttling = AuthenticationThrottling.Default with
        {
            FailuresPerWindow = configuration.Number(ServiceSettings.FailedSignInsPerMinute, min: 1) ?? AuthenticationThrottling.Default.FailuresPerWindow,
        };
        var options = new ServeOptions(urls, store, configuration.Flag(ServiceSettings.Demo), contracts ?? string.Empty)
        {
            MetricsUrls = metrics,
            Certificate = certificate,
            HstsMaxAge = TimeSpan.FromDays(configuration.Number(ServiceSettings.HstsMaxAgeDays, min: 0) ?? ServeOptions.DefaultHstsMaxAge.TotalDays),
            ShutdownTimeout = configuration.Seconds(ServiceSettings.ShutdownSeconds, ServeOptions.DefaultShutdownTimeout),
            Throttling = throttling,
            Ledger = ledger,
            Cluster = ClusterConfiguration.Read(configuration, store),
        };
        configuration.ThrowIfInvalid();
        return options;
    }

    /// <summary>A ';'-separated list of addresses Kestrel can bind, or null when no source gives one.</summary>
    private static string? Addresses(ServiceConfiguration configuration, ServiceSetting setting)
    {
        var value = configuration.Text(setting);
        if (value is null)
        {
            return null;
        }

        var addresses = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0)
        {
            configuration.Problem(setting.Key, "lists no address.");
        }

        foreach (var address in addresses)
        {
            if (Problem(address) is { } problem)
            {
                configuration.Problem(setting.Key, $"lists '{address}', {problem}");
            }
        }

        return value;
    }

    private static string? Problem(string address)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return "which is not an address to listen on (http://HOST:PORT or https://HOST:PORT).";
        }

        return parsed switch
        {
            { Scheme: not ("http" or "https") } => "whose scheme is neither http nor https.",
            { IsUnixPipe: false, Port: < 0 or > 65535 } => "whose port is not one (0 to 65535).",
            { PathBase.Length: > 0 } => "with a path after the port, which an address to listen on cannot have.",
            { IsUnixPipe: false, Host.Length: 0 } => "without a host (127.0.0.1, a name, or * for every interface).",
            _ => null,
        };
    }

    private static bool IsHttps(string addresses) =>
        addresses.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(address => address.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
}
