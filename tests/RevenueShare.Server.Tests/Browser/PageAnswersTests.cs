using System.Net;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Browser;

/// <summary>What the pages' host answers over plain HTTP: security headers everywhere, static files from the output folder.</summary>
[Collection(SharedBrowser.Name)]
public sealed class PageAnswersTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/signin", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/no-such-page", HttpStatusCode.Redirect)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/lib/echarts/echarts.min.js", HttpStatusCode.OK)]
    [InlineData("/api/agreements", HttpStatusCode.Unauthorized)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = browser.BaseAddress };

        var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Echarts_is_served_byte_for_byte_as_vendored()
    {
        var vendored = Path.Combine(TestReference.ContractsDirectory, "..", "src", "RevenueShare.Server", "wwwroot", "lib", "echarts", "echarts.min.js");

        var response = await browser.Server.Client.GetAsync("/lib/echarts/echarts.min.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(vendored), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_api_route_still_answers_a_problem_not_the_chinese_page()
    {
        var response = await browser.Server.Client.GetAsync("/api/no-such-route");

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}
