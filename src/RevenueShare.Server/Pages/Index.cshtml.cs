using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;

namespace RevenueShare.Server.Pages;

/// <summary>The home page: greets the signed-in office and lists its jobs from <see cref="Navigation"/>.</summary>
public sealed class IndexModel(ReferenceData reference) : PageModel
{
    public string OfficeName { get; private set; } = string.Empty;

    public IReadOnlyList<NavigationEntry> Jobs { get; private set; } = [];

    public void OnGet()
    {
        var office = HttpContext.Office();
        OfficeName = OfficeNames.Of(office, reference);
        Jobs = Navigation.For(office.Kind);
    }
}
