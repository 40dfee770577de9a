using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Browser;

/// <summary>
/// The offices' pages in a real Chromium against the real server: sign-in, the session and its end,
/// the layout each office sees, the Chinese error page, and what the Content Security Policy demands.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class OfficePagesTests(BrowserFixture browser)
{
    private const string SessionCookie = "revshare_session";

    public static TheoryData<string, string, string[]> Offices => new()
    {
        { "finance", "市财政局", ["审批队列", "协议", "年度清算", "月度对账", "分配明细", "各区结算单"] },
        { "tax", "市税务局", ["审核队列", "上传报表"] },
        { "statistics", "市统计局", ["月度对账", "上传报表", "审核"] },
        { "district:440106", "天河区财政局", ["协议", "分配明细", "本区结算单", "年度清算"] },
    };

    [Theory]
    [MemberData(nameof(Offices))]
    public async Task Each_office_signs_in_and_sees_its_name_and_its_jobs(string office, string name, string[] jobs)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInAsync(page, await browser.IssueTokenAsync(Office(office)));

        Assert.Equal(browser.BaseAddress.ToString(), page.Url);
        Assert.Equal(name, await page.Locator(".site-header .office-name").InnerTextAsync());
        Assert.Equal(office, await page.Locator(".site-header .office-id").InnerTextAsync());
        Assert.Equal(jobs, await page.Locator(".site-nav a").AllInnerTextsAsync());
        Assert.Equal("您好，" + name, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(jobs, await page.Locator(".job-list a").AllInnerTextsAsync());
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        var file = await Screenshots.SaveAsync(page, "home-" + office.Replace(':', '-'));
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} is too small to be a rendered page.");
    }

    [Fact]
    public async Task A_wrong_token_shows_the_message_and_opens_no_session()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInAsync(page, "rs_not-a-token-anyone-was-given");

        Assert.Equal("令牌无效或已吊销", await page.Locator(".form-error").InnerTextAsync());
        Assert.DoesNotContain(await context.CookiesAsync(), cookie => cookie.Name == SessionCookie);
        await page.GotoAsync("/");
        Assert.StartsWith(browser.BaseAddress + "signin?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_signs_in_no_more()
    {
        var issued = await browser.Server.Tokens.CreateAsync(Principal.Tax, browser.Server.Clock.GetCurrentInstant());
        await browser.Server.Tokens.RevokeAsync(issued.Id, browser.Server.Clock.GetCurrentInstant());
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInAsync(page, issued.Secret);

        Assert.Equal("令牌无效或已吊销", await page.Locator(".form-error").InnerTextAsync());
    }

    [Fact]
    public async Task A_page_asked_for_signed_out_is_shown_after_signing_in()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/agreements");
        Assert.Equal(browser.BaseAddress + "signin?ReturnUrl=%2Fagreements", page.Url);
        await page.FillAsync("#token", await browser.IssueTokenAsync(Principal.Finance));
        await page.ClickAsync("button[type=submit]");

        Assert.Equal(browser.BaseAddress + "agreements", page.Url);
        Assert.Equal("协议", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Sign_in_never_sends_the_browser_to_another_site()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin?ReturnUrl=" + Uri.EscapeDataString("https://example.org/phish"));
        await page.FillAsync("#token", await browser.IssueTokenAsync(Principal.Finance));
        await page.ClickAsync("button[type=submit]");

        Assert.Equal(browser.BaseAddress.ToString(), page.Url);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Statistics));

        await page.ClickAsync(".sign-out button");

        Assert.Equal(browser.BaseAddress + "signin", page.Url);
        Assert.DoesNotContain(await context.CookiesAsync(), cookie => cookie.Name == SessionCookie);
        await page.GotoAsync("/");
        Assert.StartsWith(browser.BaseAddress + "signin?ReturnUrl=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_the_anti_forgery_token_is_refused()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Finance));

        var status = await page.EvaluateAsync<int>("fetch('/signout', { method: 'POST' }).then(r => r.status)");

        Assert.Equal(400, status);
        await page.ReloadAsync();
        Assert.Equal("市财政局", await page.Locator(".site-header .office-name").InnerTextAsync());
    }

    [Fact]
    public async Task A_revoked_token_ends_its_session_at_the_next_request()
    {
        var issued = await browser.Server.Tokens.CreateAsync(
            Principal.ForDistrict(DistrictCode.Parse("440112")), browser.Server.Clock.GetCurrentInstant());
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, issued.Secret);
        Assert.Equal("黄埔区财政局", await page.Locator(".site-header .office-name").InnerTextAsync());

        await browser.Server.Tokens.RevokeAsync(issued.Id, browser.Server.Clock.GetCurrentInstant());
        await page.ReloadAsync();

        Assert.StartsWith(browser.BaseAddress + "signin?ReturnUrl=", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await context.CookiesAsync(), cookie => cookie.Name == SessionCookie);
    }

    [Fact]
    public async Task A_session_left_alone_for_thirty_minutes_ends_and_each_request_extends_it()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Statistics));

        // 20 + 20 minutes: over the idle limit in all, but the request between extends the session.
        for (var step = 0; step < 2; step++)
        {
            browser.Server.Clock.Advance(Duration.FromMinutes(20));
            await page.ReloadAsync();
            Assert.Equal("市统计局", await page.Locator(".site-header .office-name").InnerTextAsync());
        }

        browser.Server.Clock.Advance(Duration.FromMinutes(31));
        await page.ReloadAsync();

        Assert.StartsWith(browser.BaseAddress + "signin?ReturnUrl=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_eight_hours_after_signing_in_however_busy()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Tax));

        // A request every 20 minutes keeps the session from idling out until the cap.
        for (var elapsed = Duration.FromMinutes(20); elapsed < Duration.FromHours(8); elapsed += Duration.FromMinutes(20))
        {
            browser.Server.Clock.Advance(Duration.FromMinutes(20));
            await page.ReloadAsync();
            Assert.Equal("市税务局", await page.Locator(".site-header .office-name").InnerTextAsync());
        }

        browser.Server.Clock.Advance(Duration.FromMinutes(20));
        await page.ReloadAsync();

        Assert.StartsWith(browser.BaseAddress + "signin?ReturnUrl=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_strict_and_does_not_open_the_api()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Finance));

        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == SessionCookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.False(cookie.Secure); // served over http here; SameAsRequest makes it Secure over https
        Assert.Equal(-1, cookie.Expires); // a browser-session cookie: closing the browser signs out

        var answer = await page.EvaluateAsync<JsonElement>(
            "fetch('/api/agreements').then(async r => ({ status: r.status, type: r.headers.get('content-type') }))");

        Assert.Equal(401, answer.GetProperty("status").GetInt32());
        Assert.StartsWith("application/problem+json", answer.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_chinese_not_found_page_within_the_layout()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Statistics));

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("找不到该页面，或本机构无权查看。", await page.Locator(".error-page p").First.InnerTextAsync());
        Assert.Equal("市统计局", await page.Locator(".site-header .office-name").InnerTextAsync());
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_the_office_may_not_open_answers_like_one_that_does_not_exist()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Tax));

        var response = await page.GotoAsync(BrowserFixture.ForbiddenPagePath);

        Assert.Equal(404, response!.Status);
        Assert.Equal(browser.BaseAddress + BrowserFixture.ForbiddenPagePath.TrimStart('/'), page.Url);
        Assert.Equal("找不到该页面，或本机构无权查看。", await page.Locator(".error-page p").First.InnerTextAsync());
    }

    [Theory]
    [InlineData(BrowserFixture.FailingPagePath, 500, "系统暂时无法完成此操作，请稍后重试；如仍有问题，请联系系统管理员。")]
    [InlineData(BrowserFixture.UnavailablePagePath, 503, "系统暂时不可用（正在启动或维护），请稍后重试。")]
    public async Task A_failing_page_shows_a_chinese_error_and_nothing_of_the_failure(string path, int status, string message)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(path);

        Assert.Equal(status, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal(message, await page.Locator(".error-page p").First.InnerTextAsync());
        var html = await page.ContentAsync();
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printing_leaves_out_the_navigation_and_the_buttons()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.Finance));
        Assert.True(await page.Locator(".site-nav").IsVisibleAsync());

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator(".site-nav").IsVisibleAsync());
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator("button").First.IsVisibleAsync());
        Assert.True(await page.Locator("h1").IsVisibleAsync());
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_or_style()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync("/signin");
        var pages = new List<string> { await page.ContentAsync() };
        await SignInAsync(page, await browser.IssueTokenAsync(Principal.ForDistrict(DistrictCode.Parse("440106"))));
        pages.Add(await page.ContentAsync());
        await page.GotoAsync("/no-such-page");
        pages.Add(await page.ContentAsync());

        foreach (var html in pages)
        {
            var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToArray();
            Assert.All(scripts, tag => Assert.Matches(" src=\"|type=\"application/json\"", tag));
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(" style=\"", html);
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_chart_is_drawn_from_its_json_block_under_the_content_security_policy()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(BrowserFixture.ChartPagePath);
        await page.Locator("[data-chart-drawn=true] svg").First.WaitForAsync();

        Assert.Empty(errors);
        Assert.Contains("天河区", await page.Locator(".chart svg").First.InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.Contains("图表", await page.Locator(".chart").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "chart");
    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#token", token);

        await page.ClickAsync("button[type=submit]");

        // The answer (the office's page, or the form with its message) must have arrived before the test
        // goes on, or a reload races the navigation.
        await page.Locator(".site-header .office-name, .form-error").First.WaitForAsync();
    }

    private static Principal Office(string id) =>
        Principal.TryParse(id, TestReference.Reference, out var office, out var error) ? office : throw new ArgumentException(error, nameof(id));

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
