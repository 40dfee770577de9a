using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Finance;

/// <summary>The finance bureau's approval queue: agreements and amendments every party has signed, awaiting its decision.</summary>
public sealed class ApprovalsModel(AgreementService agreements) : PageModel
{
    public IReadOnlyList<AgreementState> Agreements { get; private set; } = [];

    public IReadOnlyList<(AgreementState Agreement, Amendment Amendment)> Amendments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        if (office.Kind != PrincipalKind.Finance)
        {
            return NotFound();
        }

        var all = await agreements.ListAsync(office, cancellationToken);
        Agreements = [.. all.Where(a => a.Status == AgreementStatus.AwaitingApproval)];
        Amendments = [.. all.Where(a => a.Status == AgreementStatus.AmendmentAwaitingApproval && a.PendingAmendment is not null).Select(a => (a, a.PendingAmendment!))];
        return Page();
    }
}
