using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using RevenueShare.Domain;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Tests.Support;

/// <summary>
/// The real host (<see cref="ServerHost.Build"/>) on Kestrel at a free loopback port, with a
/// SQLite store in a temporary folder and a fake clock; talked to over real HTTP.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly TempDirectory directory;

    private RunningServer(TempDirectory directory, WebApplication app, HttpClient client, FakeClock clock)
    {
        this.directory = directory;
        App = app;
        Client = client;
        Clock = clock;
    }

    public static Instant Now { get; } = Instant.FromUtc(2026, 4, 2, 3, 4, 5);

    public WebApplication App { get; }

    /// <summary>The host's clock; tests may advance it.</summary>
    public FakeClock Clock { get; }

    /// <summary>A client with no credentials; add them per request.</summary>
    public HttpClient Client { get; }

    /// <summary>Where <c>/metrics</c> is served, when the options asked for it.</summary>
    public Uri MetricsAddress => new(App.Services.GetRequiredService<ListenAddresses>().Metrics.Single());

    public TokenStore Tokens => App.Services.GetRequiredService<TokenStore>();

    /// <param name="mapExtra">Maps test-only endpoints after the host's own, before start.</param>
    /// <param name="store">The store; a SQLite folder of its own when null.</param>
    /// <param name="now">The fake clock's instant; <see cref="Now"/> when null.</param>
    /// <param name="options">Changes to the serve options (a demo, other throttling limits); the defaults of <c>revshare serve</c> when null.</param>
    /// <param name="configure">Changes to the host's services, after the fake clock (a log collector, say).</param>
    public static async Task<RunningServer> StartAsync(
        Action<WebApplication>? mapExtra = null,
        StoreOptions? store = null,
        Instant? now = null,
        Func<ServeOptions, ServeOptions>? options = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var clock = new FakeClock(now ?? Now);
        var directory = new TempDirectory();
        var serve = new ServeOptions(
            "http://127.0.0.1:0", store ?? StoreOptions.Sqlite(directory.Path), Demo: false, TestReference.ContractsDirectory);
        var app = ServerHost.Build(options?.Invoke(serve) ?? serve, builder =>
        {
            builder.Services.AddSingleton<IClock>(clock);
            configure?.Invoke(builder);
        });
        mapExtra?.Invoke(app);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<ListenAddresses>().Api.Single()) };
        return new RunningServer(directory, app, client, clock);
    }

    public async Task<string> IssueTokenAsync(Principal office) =>
        (await Tokens.CreateAsync(office, Clock.GetCurrentInstant())).Secret;

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        directory.Dispose();
    }
}
