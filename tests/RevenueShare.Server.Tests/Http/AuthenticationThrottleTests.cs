using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RevenueShare.Domain;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// Failed authentications are throttled per client address (issue 10, item 8): past the limit, every
/// request from the address answers 429 problem+json with <c>Retry-After</c> until the window ends,
/// whatever it carries; requests that authenticate, or carry no credentials, count nothing; the sign-in
/// page counts as the API does; failures are logged without the token. Each test has a server of its
/// own (all test traffic comes from 127.0.0.1), most with a low limit.
/// </summary>
public sealed partial class AuthenticationThrottleTests
{
    private static readonly TimeSpan LongWindow = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Past_the_failures_allowed_every_request_from_the_address_is_refused_for_the_window()
    {
        await using var server = await StartAsync(3, LongWindow);
        var valid = await server.IssueTokenAsync(Principal.Tax);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, Guess())).StatusCode);
        }

        foreach (var token in new[] { Guess(), valid, null })
        {
            var refused = await WhoAmIAsync(server, token);
            var problem = await Problem.ReadAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal("urn:revenueshare:problem:authentication-throttled", problem.Type);
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= LongWindow, $"Retry-After: {refused.Headers.RetryAfter}");
        }

        // Health is not a door to guess through; a monitor on the same address keeps seeing it.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Requests_that_authenticate_or_carry_no_credentials_count_nothing()
    {
        await using var server = await StartAsync(3, LongWindow);
        var valid = await server.IssueTokenAsync(Principal.Finance);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(server, valid)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, Guess())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, Guess())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(server, valid)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, Guess())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WhoAmIAsync(server, valid)).StatusCode);
    }

    [Fact]
    public async Task The_address_is_answered_again_once_its_window_ends()
    {
        await using var server = await StartAsync(2, TimeSpan.FromSeconds(2));
        var valid = await server.IssueTokenAsync(Principal.Statistics);
        await WhoAmIAsync(server, Guess());
        await WhoAmIAsync(server, Guess());
        var refused = await WhoAmIAsync(server, valid);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        await Task.Delay(refused.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(server, valid)).StatusCode);
    }

    /// <summary>The issue's attack, at the default limits: a burst of random tokens, 25 at a time.</summary>
    [Fact]
    public async Task A_burst_of_guessed_tokens_is_refused_after_the_default_limit()
    {
        await using var server = await RunningServer.StartAsync();
        const int Wave = 25;
        var statuses = new List<HttpStatusCode>();
        for (var wave = 0; wave < 20; wave++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, Wave).Select(_ => WhoAmIAsync(server, Guess())));
            statuses.AddRange(answers.Select(a => a.StatusCode));
        }

        // A wave in flight when the limit is reached may still be answered 401: at most one wave more.
        var limit = AuthenticationThrottling.Default.FailuresPerWindow;
        var unauthorized = statuses.Count(s => s == HttpStatusCode.Unauthorized);
        Assert.InRange(unauthorized, limit, limit + Wave);
        Assert.Equal(statuses.Count - unauthorized, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Failures_are_logged_with_the_address_the_route_and_the_count_never_the_token()
    {
        await using var server = await StartAsync(3, LongWindow, collectLogs: true);
        var logs = server.App.Services.GetRequiredService<FakeLogCollector>();
        var guesses = Enumerable.Range(0, 3).Select(_ => Guess()).ToArray();
        foreach (var guess in guesses)
        {
            await WhoAmIAsync(server, guess);
        }

        // Refused requests are not logged one by one: an attack does not flood the log.
        for (var i = 0; i < 10; i++)
        {
            await WhoAmIAsync(server, Guess());
        }

        var records = logs.GetSnapshot().Where(r => r.Category == typeof(AuthenticationThrottle).FullName).ToArray();
        Assert.Equal(
            [
                "Authentication failed from 127.0.0.1 on /api/whoami: 1 of 3 failures allowed in the window",
                "Authentication failed from 127.0.0.1 on /api/whoami: 2 of 3 failures allowed in the window",
                "Authentication failed from 127.0.0.1 on /api/whoami: 3 of 3 failures allowed in the window",
                "Address 127.0.0.1 is refused (429) until its window of 00:10:00 ends",
            ],
            records.Select(r => r.Message));
        Assert.All(records, r => Assert.Equal(LogLevel.Warning, r.Level));
        var everything = string.Join('\n', logs.GetSnapshot().Select(r => r.Message + " " + JsonSerializer.Serialize(r.StructuredState)));
        Assert.All(guesses, guess => Assert.DoesNotContain(guess[3..], everything, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_tokens_at_sign_in_count_with_the_api_and_the_page_then_says_why_in_chinese()
    {
        await using var server = await StartAsync(2, LongWindow);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };

        var refused = await SignInAsync(browser, Guess());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("令牌无效或已吊销", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(server, Guess())).StatusCode);

        var page = await browser.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("登录失败次数过多", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WhoAmIAsync(server, await server.IssueTokenAsync(Principal.Finance))).StatusCode);
    }

    private static Task<RunningServer> StartAsync(int failures, TimeSpan window, bool collectLogs = false) =>
        RunningServer.StartAsync(
            options: options => options with { Throttling = new AuthenticationThrottling(failures, window) },
            configure: collectLogs ? builder => builder.Logging.AddFakeLogging() : null);

    private static Task<HttpResponseMessage> WhoAmIAsync(RunningServer server, string? token) =>
        server.Client.SendAsync(RunningServer.Request(HttpMethod.Get, "/api/whoami", token));

    /// <summary>A token of our shape that nobody was given.</summary>
    private static string Guess() => TokenStore.SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Signs in through the form as a browser does: the page's anti-forgery token (and its cookie, kept by the handler), then the post.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token)
    {
        var form = await browser.GetAsync("/signin");
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html).Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = token, ["__RequestVerificationToken"] = antiforgery }),
        };
        return await browser.SendAsync(post);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
