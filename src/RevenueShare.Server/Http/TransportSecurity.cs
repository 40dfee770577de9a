using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Http;

/// <summary>
/// What serving over TLS adds (<see cref="ServeOptions.Certificate"/>): ASP.NET Core's HSTS on the
/// https answers, so a browser that reached the ledger once by https never tries plain http again, and
/// the office session's and the anti-forgery cookies marked <c>Secure</c> whatever the request, so they
/// never travel in clear text. Without a certificate the service is plain http behind a proxy that ends
/// TLS, and the cookies follow the request (docs/decisions.md, "TLS").
/// </summary>
public static class TransportSecurity
{
    public static void Add(IServiceCollection services, ServeOptions options)
    {
        if (options.Certificate is null)
        {
            return;
        }

        services.AddHsts(hsts =>
        {
            hsts.MaxAge = options.HstsMaxAge;

            // The default exempts localhost and the loopback addresses, which is where a test or an
            // operator on the machine reaches the service; browsers ignore HSTS for addresses anyway.
            hsts.ExcludedHosts.Clear();
        });
        services.PostConfigure<CookieAuthenticationOptions>(OfficeSession.SchemeName, cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always);
    }

    public static void Use(WebApplication app, ServeOptions options)
    {
        if (options.Certificate is not null)
        {
            app.UseHsts();
        }
    }
}
