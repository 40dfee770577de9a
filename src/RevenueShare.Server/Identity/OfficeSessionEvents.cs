using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NodaTime;

namespace RevenueShare.Server.Identity;

/// <summary>
/// Checks an <see cref="OfficeSession"/> on every request, as the bearer scheme checks its token: a
/// session past its absolute lifetime, or whose token was revoked (or now names another office),
/// is ended at once and the request goes on signed out. A page the office may not see answers 404,
/// as the API does (docs/users-and-rights.md), instead of the cookie handler's access-denied redirect.
/// </summary>
public sealed class OfficeSessionEvents(TokenStore tokens, IClock clock) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (await IsCurrentAsync(context))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(OfficeSession.SchemeName);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        if (!OfficeSession.IsWithinLifetime(context.Properties, clock.GetCurrentInstant())
            || OfficeSession.TokenId(context.Properties) is not { } tokenId)
        {
            return false;
        }

        var office = await tokens.ActiveOfficeAsync(tokenId, context.HttpContext.RequestAborted);
        return office is not null
            && office.ToString() == context.Principal?.FindFirst(OfficeClaims.PrincipalClaim)?.Value;
    }
}
