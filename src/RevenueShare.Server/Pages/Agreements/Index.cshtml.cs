using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Agreements;

/// <summary>The agreements the office may see, filterable by state: a district its own, the city's offices all.</summary>
public sealed class IndexModel(AgreementService agreements) : PageModel
{
    public IReadOnlyList<AgreementState> Agreements { get; private set; } = [];

    /// <summary>The state filtered on (its enum name), or null for all.</summary>
    public string? State { get; private set; }

    /// <summary>Whether the office proposes agreements (a district finance office does).</summary>
    public bool MayPropose { get; private set; }

    public async Task OnGetAsync(string? state, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        MayPropose = office.Kind == Domain.PrincipalKind.District;
        var all = await agreements.ListAsync(office, cancellationToken);
        State = Enum.TryParse<AgreementStatus>(state, out var parsed) ? parsed.ToString() : null;
        Agreements = State is null ? all : [.. all.Where(a => a.TopLevelStatus == parsed)];
    }
}
