using System.Security.Claims;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Identity;

/// <summary>
/// The calling office as the domain sees it. Endpoints call <c>context.Office()</c> rather than
/// reading claims, so the claim format stays a detail of <see cref="BearerAuthenticationHandler"/>.
/// </summary>
public static class OfficeClaims
{
    /// <summary>The claim holding the principal id (<c>district:440106</c>, <c>tax</c>, ...).</summary>
    public const string PrincipalClaim = "principal";

    /// <summary>The authenticated office; throws when the endpoint was reached without authentication (a wiring bug).</summary>
    public static Principal Office(this HttpContext context) =>
        context.User.Office(context.RequestServices.GetRequiredService<ReferenceData>());

    public static Principal Office(this ClaimsPrincipal user, ReferenceData reference)
    {
        var id = user.FindFirstValue(PrincipalClaim)
            ?? throw new InvalidOperationException("The request is not authenticated: is the endpoint missing authorization?");
        return Principal.TryParse(id, reference, out var principal, out var error)
            ? principal
            : throw new InvalidOperationException(error);
    }
}
