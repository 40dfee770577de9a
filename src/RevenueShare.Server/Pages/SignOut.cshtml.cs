using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Pages;

/// <summary>
/// Ends the office's session: only by the header's POST form, which carries the anti-forgery token,
/// so no link or image elsewhere can sign an office out; a GET just goes home.
/// </summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(OfficeSession.SchemeName);
        return LocalRedirect(OfficeSession.SignInPath);
    }
}
