using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Pages;

/// <summary>
/// Sign-in with an office token, the same tokens as the API's: a token the <see cref="TokenStore"/>
/// knows and has not revoked opens an <see cref="OfficeSession"/>; any other shows 令牌无效或已吊销
/// and opens nothing, and counts against the address as a failed bearer token does
/// (<see cref="AuthenticationThrottle"/>): past the limit the address gets the 429 page instead.
/// Afterwards the browser goes back to the page it asked for, if that is ours.
/// </summary>
public sealed class SignInModel(TokenStore tokens, AuthenticationThrottle throttle, IClock clock) : PageModel
{
    [BindProperty]
    public string? Token { get; set; }

    /// <summary>The page that sent the browser here; followed only when it is a local address.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Refused { get; private set; }

    private string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var token = await tokens.FindActiveAsync(Token?.Trim() ?? string.Empty, cancellationToken);
        if (token is null)
        {
            throttle.RecordFailure(HttpContext);
            Refused = true;
            return Page();
        }

        var (principal, properties) = OfficeSession.Begin(token, clock.GetCurrentInstant());
        await HttpContext.SignInAsync(OfficeSession.SchemeName, principal, properties);
        return LocalRedirect(Destination);
    }
}
