using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Agreements;

/// <summary>
/// A district proposes an agreement: the Draft's form, read into the API's document and created through
/// the <see cref="AgreementService"/>, every validation problem shown beside its field.
/// </summary>
public sealed class NewModel(AgreementService agreements) : PageModel
{
    public DraftForm Form { get; private set; } = DraftForm.Empty();

    public Refusal? Refused { get; private set; }

    public IActionResult OnGet() => HttpContext.Office().Kind == PrincipalKind.District ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        if (office.Kind != PrincipalKind.District)
        {
            return NotFound();
        }

        Form = DraftForm.Posted(Request.Form);
        var created = await agreements.CreateAsync(office, Form.ToDocument(), cancellationToken);
        if (!created.IsRefused(out var refusal))
        {
            return RedirectToPage("/Agreements/Detail", new { id = created.Value.Id.Value, done = "create" });
        }

        // Problems go beside their fields; a refusal of no field (403, 409) above the form.
        Form.Show(refusal.Problems);
        Refused = refusal.Problems.IsEmpty ? refusal : null;

        return Page();
    }
}
