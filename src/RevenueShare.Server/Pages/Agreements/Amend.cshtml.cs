using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Agreements;

/// <summary>
/// A party proposes an amendment of an Active agreement: new sharing terms from a month on, proposed
/// through the <see cref="AgreementService"/> as the API's route does, every problem beside its field.
/// The other parties then countersign it on the agreement's page, and finance approves it there after
/// its preview.
/// </summary>
public sealed class AmendModel(AgreementService agreements, IClock clock) : PageModel
{
    public AgreementState Agreement { get; private set; } = null!;

    public AmendmentForm Form { get; private set; } = null!;

    public Refusal? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = AmendmentForm.Of(Agreement, Months.Current(clock.GetCurrentInstant()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = AmendmentForm.Posted(Request.Form);
        var (from, terms) = Form.ToRequest();
        var proposed = await agreements.ProposeAmendmentAsync(HttpContext.Office(), id, from, terms, cancellationToken);
        if (!proposed.IsRefused(out var refusal))
        {
            return RedirectToPage("/Agreements/Detail", new { id, done = "propose-amendment" });
        }

        // Problems go beside their fields; a refusal of no field (403, 409) above the form.
        Form.Show(refusal.Problems);
        Refused = refusal.Problems.IsEmpty ? refusal : null;

        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var found = await agreements.GetAsync(HttpContext.Office(), id, cancellationToken);
        if (found.IsRefused(out _))
        {
            return false;
        }

        Agreement = found.Value;
        return true;
    }
}
