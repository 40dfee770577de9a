using System.Net;
using System.Text.RegularExpressions;
using RevenueShare.Server.Tests.Cli;
using RevenueShare.Server.Tests.Crash;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// <c>revshare serve</c> over https as a process of its own, with a certificate the test makes (PEM
/// with its key, PFX with its password given by the environment): the certificate presented is that
/// one, answers carry HSTS, the pages' cookies are <c>Secure</c>, and plain http on the port is refused.
/// </summary>
public sealed partial class TlsTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Serve_over_https_with_a_pem_certificate_presents_it_and_marks_its_answers_and_cookies_for_tls_only()
    {
        using var certificate = TestCertificate.WriteTo(directory.Path);
        var data = Path.Combine(directory.Path, "store");
        var (_, token, _) = await Revshare.RunAsync("tokens", "create", "--office", "finance", "--data", data, "--contracts", TestReference.ContractsDirectory);
        var start = ServeProcess.Revshare(
            ["serve", "--data", data, "--contracts", TestReference.ContractsDirectory, "--metrics", "off",
             "--urls", "https://127.0.0.1:0", "--certificate", certificate.CertificatePem, "--certificate-key", certificate.KeyPem]);

        await using var serve = await ServeProcess.StartAsync(start, Within);
        var address = serve.Client.BaseAddress!;
        string? presented = null;
        using var client = certificate.Client(address, served => presented = served.Thumbprint);
        using var live = await client.GetAsync("/health/live");
        var signIn = await SignInAsync(client, token.Trim());
        using var signedIn = signIn.Response;

        Assert.Equal("https", address.Scheme);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(certificate.Certificate.Thumbprint, presented);
        Assert.Equal("max-age=31536000", string.Join(",", live.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.Redirect, signIn.Response.StatusCode);
        Assert.Contains(signIn.Cookies, cookie => cookie.StartsWith("revshare_antiforgery=", StringComparison.Ordinal));
        Assert.Contains(signIn.Cookies, cookie => cookie.StartsWith("revshare_session=", StringComparison.Ordinal));
        Assert.All(signIn.Cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{address.Port}") };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync("/health/live"));
        Assert.Equal(0, await serve.StopAsync(Within));
    }

    [Fact]
    public async Task Serve_over_https_with_a_pfx_takes_its_password_from_the_environment()
    {
        using var certificate = TestCertificate.WriteTo(directory.Path);
        var start = ServeProcess.Revshare(
            ["serve", "--data", Path.Combine(directory.Path, "store"), "--contracts", TestReference.ContractsDirectory, "--metrics", "off",
             "--urls", "https://127.0.0.1:0", "--certificate", certificate.Pfx]);
        start.Environment["REVSHARE__Http__Certificate__Password"] = TestCertificate.PfxPassword;

        await using var serve = await ServeProcess.StartAsync(start, Within);
        string? presented = null;
        using var client = certificate.Client(serve.Client.BaseAddress!, served => presented = served.Thumbprint);
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(certificate.Certificate.Thumbprint, presented);
        Assert.DoesNotContain(TestCertificate.PfxPassword, serve.Output, StringComparison.Ordinal);
        Assert.Equal(0, await serve.StopAsync(Within));
    }

    /// <summary>Signs in on the pages with <paramref name="token"/> as a browser would; the cookies set on the way.</summary>
    private static async Task<(HttpResponseMessage Response, List<string> Cookies)> SignInAsync(HttpClient client, string token)
    {
        using var form = await client.GetAsync("/signin");
        var cookies = form.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        var antiforgery = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = token, ["__RequestVerificationToken"] = antiforgery }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(cookie => cookie.Split(';')[0])));
        var response = await client.SendAsync(post);
        cookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var more) ? more : []);
        return (response, cookies);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
