using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Pages;

/// <summary>
/// The offices' web pages (issue 9): server-rendered Razor Pages at <c>/</c>, signed in through an
/// <see cref="OfficeSession"/>. Every page requires the session except sign-in and the error page;
/// Razor Pages check anti-forgery on every POST by default, and that stays on.
/// </summary>
public static class PageRoutes
{
    public static void AddPages(IServiceCollection services)
    {
        // The keys protect only session tickets and anti-forgery tokens, both short-lived: held in
        // memory, no key lies unencrypted on disk, and a restart merely asks the offices to sign in again.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        // Chinese written as itself, not as &#x...; entities: the pages are Chinese from end to end.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddScoped<OfficeSessionEvents>();
        services.AddAuthentication()
            .AddCookie(OfficeSession.SchemeName, OfficeSession.Configure);
        services.AddOptions<CookieAuthenticationOptions>(OfficeSession.SchemeName)
            .Configure<IClock>((cookie, clock) => cookie.TimeProvider = new LedgerTimeProvider(clock));
        services.AddAuthorizationBuilder()
            .AddPolicy(OfficeSession.PolicyName, policy => policy
                .AddAuthenticationSchemes(OfficeSession.SchemeName)
                .RequireAuthenticatedUser());

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "revshare_antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;

            // SecurityHeaders sends DENY on every answer; SAMEORIGIN here would only contradict it.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/", OfficeSession.PolicyName);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Error");
        });
    }

    public static void MapPages(WebApplication app) => app.MapRazorPages();
}
