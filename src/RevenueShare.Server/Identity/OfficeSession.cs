using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NodaTime;
using NodaTime.Text;

namespace RevenueShare.Server.Identity;

/// <summary>
/// The offices' page session (docs/decisions.md, "The offices' pages"): signing in at <c>/signin</c>
/// with an office token gives an HttpOnly, <c>SameSite=Strict</c> cookie holding an encrypted ticket
/// with the office's <see cref="OfficeClaims.PrincipalClaim"/>, the token's id (never its secret) and
/// the instant of signing in. It ends after <see cref="IdleTimeout"/> without a request, after
/// <see cref="AbsoluteLifetime"/> in any case, and at the next request once its token is revoked
/// (<see cref="OfficeSessionEvents"/>). Only the pages accept it: the API's policy names the bearer
/// scheme alone, so a cookie a browser sends along can never act on <c>/api</c> (no CSRF there).
/// </summary>
public static class OfficeSession
{
    public const string SchemeName = "OfficeSession";

    /// <summary>The authorization policy of every page: a signed-in office session.</summary>
    public const string PolicyName = "OfficePages";

    public const string SignInPath = "/signin";

    public const string SignOutPath = "/signout";

    /// <summary>A session unused this long ends; each request within it extends it (sliding).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>However busy, a session ends this long after signing in: one working day.</summary>
    public static readonly Duration AbsoluteLifetime = Duration.FromHours(8);

    private const string CookieName = "revshare_session";
    private const string TokenIdItem = "revshare.token";
    private const string SignedInAtItem = "revshare.signedInAt";

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        // No __Host- prefix: it demands Secure, and the intranet serves plain http as often as https.
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.ExpireTimeSpan = IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = SignInPath;
        cookie.LogoutPath = SignOutPath;
        cookie.ReturnUrlParameter = "ReturnUrl";
        cookie.EventsType = typeof(OfficeSessionEvents);
    }

    /// <summary>The ticket of a session for <paramref name="token"/>, begun at <paramref name="now"/>.</summary>
    public static (ClaimsPrincipal Principal, AuthenticationProperties Properties) Begin(ActiveToken token, Instant now)
    {
        var identity = new ClaimsIdentity(
            [new Claim(OfficeClaims.PrincipalClaim, token.Principal.ToString())],
            SchemeName,
            OfficeClaims.PrincipalClaim,
            roleType: null);

        // Not persistent: the cookie goes with the browser, so closing it on a shared desk signs out.
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[TokenIdItem] = token.Id;
        properties.Items[SignedInAtItem] = InstantPattern.General.Format(now);
        return (new ClaimsPrincipal(identity), properties);
    }

    /// <summary>The id of the token the session was opened with; null for a ticket not of our making.</summary>
    public static string? TokenId(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(TokenIdItem, out var id) ? id : null;

    /// <summary>Whether the session is still within <see cref="AbsoluteLifetime"/> at <paramref name="now"/>.</summary>
    public static bool IsWithinLifetime(AuthenticationProperties properties, Instant now) =>
        properties.Items.TryGetValue(SignedInAtItem, out var text)
        && InstantPattern.General.Parse(text ?? string.Empty) is { Success: true } signedIn
        && now - signedIn.Value < AbsoluteLifetime;
}
