using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Agreements;

/// <summary>The proposer edits its Draft: the same form as a new proposal, filled from the Draft's terms, saved through the <see cref="AgreementService"/>.</summary>
public sealed class EditModel(AgreementService agreements) : PageModel
{
    public string Id { get; private set; } = string.Empty;

    public DraftForm Form { get; private set; } = DraftForm.Empty();

    public Refusal? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await agreements.GetAsync(HttpContext.Office(), id, cancellationToken);
        if (found.IsRefused(out _))
        {
            return NotFound();
        }

        Id = found.Value.Id.Value;
        Form = DraftForm.Of(found.Value.Terms);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        Id = id;
        Form = DraftForm.Posted(Request.Form);
        var edited = await agreements.EditAsync(HttpContext.Office(), id, Form.ToDocument(), cancellationToken);
        if (!edited.IsRefused(out var refusal))
        {
            return RedirectToPage("/Agreements/Detail", new { id, done = "edit" });
        }

        if (refusal.Code == RejectionCode.NotFound)
        {
            return NotFound();
        }

        // Problems go beside their fields; a refusal of no field (403, 409) above the form.
        Form.Show(refusal.Problems);
        Refused = refusal.Problems.IsEmpty ? refusal : null;

        return Page();
    }
}
