using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Demo;

/// <summary>
/// What <c>serve --demo</c> prints once the service runs: what was loaded, where it listens, and a
/// fresh token for every office so the README's curl walk-through can start at once.
/// </summary>
internal static class DemoAnnouncement
{
    /// <summary>Waits until the demo is loaded (<see cref="DemoStartup"/>), then prints.</summary>
    public static async Task PrintWhenLoadedAsync(WebApplication app, TextWriter stdout, CancellationToken cancellationToken)
    {
        var services = app.Services;
        var (agreements, reports) = await services.GetRequiredService<DemoStartup>().Loaded.WaitAsync(cancellationToken);
        var url = services.GetRequiredService<ListenAddresses>().Api[0];
        await stdout.WriteLineAsync(agreements == 0
            ? "Demo: the store already holds agreements; nothing was loaded."
            : $"Demo: {agreements} example agreements approved and {reports} figure reports of 2025 booked.");
        await stdout.WriteLineAsync($"RevenueShare is listening on {url}");
        await stdout.WriteLineAsync("Tokens (send as 'Authorization: Bearer <token>'):");

        var tokens = services.GetRequiredService<TokenStore>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var reference = services.GetRequiredService<ReferenceData>();
        var offices = new[] { Principal.Finance, Principal.Tax, Principal.Statistics }
            .Concat(reference.Districts.Select(d => Principal.ForDistrict(DistrictCode.Parse(d.Code))));
        foreach (var office in offices)
        {
            var issued = await tokens.CreateAsync(office, now, cancellationToken);
            await stdout.WriteLineAsync($"  {office,-16} {issued.Secret}");
        }
    }
}
