using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RevenueShare.Server.Http;

namespace RevenueShare.Server.Identity;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> checked against the <see cref="TokenStore"/> on every
/// request (no cache, so a revocation takes effect at once). A caller is one office: the identity
/// carries a single <see cref="OfficeClaims.PrincipalClaim"/> claim holding the principal id.
/// Failures answer 401 with <c>WWW-Authenticate: Bearer</c> and a problem body; 403 likewise. Each
/// failure counts against the caller's address (<see cref="AuthenticationThrottle"/>); a request without
/// credentials is no attempt and counts nothing.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenStore tokens,
    AuthenticationThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Failed("The Authorization header is not a Bearer token.");
        }

        var token = header[BearerPrefix.Length..].Trim();
        var principal = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (principal is null)
        {
            return Failed("The token is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(OfficeClaims.PrincipalClaim, principal.ToString())],
            SchemeName,
            OfficeClaims.PrincipalClaim,
            roleType: null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Failed(string reason)
    {
        throttle.RecordFailure(Context);
        return AuthenticateResult.Fail(reason);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? "Send the office's token as 'Authorization: Bearer <token>'.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"");
        await Problems.WriteAsync(Context, Problems.ForStatus(StatusCodes.Status401Unauthorized, detail));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Problems.WriteAsync(Context, Problems.ForStatus(StatusCodes.Status403Forbidden));
    }
}
