using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RevenueShare.Domain;
using RevenueShare.Ledger.Projections;
using RevenueShare.Server.Demo;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Browser;

/// <summary>
/// One headless Chromium and one real server with the demo data, shared by the browser tests of a
/// collection; each test opens its own browser context (cookies and all), which costs milliseconds.
/// The browser is Debian's <c>/usr/bin/chromium</c> (<c>REVSHARE_CHROMIUM</c> overrides): Playwright's own
/// browser downloads cannot reach this network, and <c>.ci/run</c> installs the package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>A page outside the product, drawing one chart the way the offices' pages will.</summary>
    public const string ChartPagePath = "/test/chart";

    /// <summary>A page that any signed-in office may reach but is refused, as a page of another office's would be.</summary>
    public const string ForbiddenPagePath = "/test/forbidden";

    /// <summary>A page that fails, its exception message standing for what must never reach the browser.</summary>
    public const string FailingPagePath = "/test/failing";

    /// <summary>A page whose reads fail because the read side is not keeping up.</summary>
    public const string UnavailablePagePath = "/test/unavailable";

    private const string FailureSecret = "connection string Host=db.internal;Password=hunter2";

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    internal RunningServer Server { get; private set; } = null!;

    public Uri BaseAddress => Server.Client.BaseAddress!;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(app =>
        {
            app.MapGet(ChartPagePath, () => Results.Content(ChartPage, "text/html; charset=utf-8")).AllowAnonymous();
            app.MapGet(ForbiddenPagePath, (HttpContext context) => context.ForbidAsync(OfficeSession.SchemeName))
                .RequireAuthorization(OfficeSession.PolicyName);
            app.MapGet(FailingPagePath, string () => throw new InvalidOperationException(FailureSecret)).AllowAnonymous();
            app.MapGet(UnavailablePagePath, string () => throw new ReadSideUnavailableException(FailureSecret)).AllowAnonymous();
        });
        await Server.App.Services.GetRequiredService<DemoLoader>().LoadAsync(TestReference.ContractsDirectory, CancellationToken.None);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("REVSHARE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic"],
        });
    }

    /// <summary>A fresh context: no cookies, a 1366×768 desk screen, Chinese locale and China time.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });

    internal Task<string> IssueTokenAsync(Principal office) => Server.IssueTokenAsync(office);

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await Server.DisposeAsync();
    }

    private const string ChartPage = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>图表</title><link rel="stylesheet" href="/css/site.css"></head>
        <body>
        <div class="chart" data-chart="net-positions"></div>
        <script type="application/json" id="net-positions">
        {"animation": false, "xAxis": {"type": "category", "data": ["天河区", "黄埔区"]}, "yAxis": {"type": "value"},
         "series": [{"type": "bar", "name": "净额（元）", "data": [1200.5, -1200.5]}]}
        </script>
        <script src="/lib/echarts/echarts.min.js"></script>
        <script src="/js/charts.js"></script>
        </body>
        </html>
        """;
}
