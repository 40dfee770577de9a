using System.Collections.Immutable;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Server.Api.Wire;

namespace RevenueShare.Server.Services;

/// <summary>
/// An enterprise's history under an agreement (docs/allocation.md, history and derived amounts), one
/// path for the API and the pages: reading it follows need to know by family, and the office that
/// reports a family certifies that family's history.
/// </summary>
public sealed class HistoryService(AgreementService agreements, LedgerGateway ledger, ReferenceData reference)
{
    public async Task<Outcome<EnterpriseHistory>> GetAsync(Principal office, string id, string enterprise, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        return Of(office, state, enterprise);
    }

    /// <summary>Certifies the caller's family's history of the enterprise (the indicators named, or every one a derived amount needs) and answers the history after.</summary>
    public async Task<Outcome<EnterpriseHistory>> CertifyAsync(Principal office, string id, string enterprise, CertifyRequest? body, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        if (office != Principal.Tax && office != Principal.Statistics)
        {
            return Refusal.Forbidden("Only the tax office and the statistics bureau certify history: each certifies the figures it reports.");
        }

        if (Of(office, state, enterprise).IsRefused(out var unknown))
        {
            return unknown;
        }

        var indicators = ImmutableArray.CreateBuilder<Indicator>();
        var problems = new List<ValidationProblem>();
        var listed = body?.Indicators ?? [];
        for (var k = 0; k < listed.Count; k++)
        {
            if (listed[k] is { } code && reference.TryGetIndicator(code, out var indicator))
            {
                indicators.Add(indicator);
            }
            else
            {
                problems.Add(new($"$.indicators[{k}]", $"'{listed[k]}' is not an indicator of the catalogue ({string.Join(", ", reference.Indicators.Select(i => i.Code))})."));
            }
        }

        if (problems.Count > 0)
        {
            return Refusal.Invalid(problems);
        }

        var command = new CertifyHistory(state.Id, office, state.Terms.Enterprises.Single(e => e.Id.Value == enterprise).Id, indicators.ToImmutable());
        var reply = await ledger.SendAsync(command, cancellationToken);
        return reply.Rejection is not null ? Refusal.Of(reply.Rejection) : Of(office, reply.State!, enterprise);
    }

    private static Outcome<EnterpriseHistory> Of(Principal office, AgreementState state, string enterprise)
    {
        if (state.Terms.Enterprises.FirstOrDefault(e => e.Id.Value == enterprise) is not { } covered)
        {
            return Refusal.NotFound($"Agreement {state.Id} does not cover an enterprise {enterprise}.");
        }

        var reports = state.HistoryReports.Values
            .Where(r => r.Enterprise == covered.Id && Visibility.CanSee(office, r.Indicator))
            .OrderBy(r => r.Indicator.Order).ThenBy(r => r.Month).ThenBy(r => r.Revision)
            .ToList();
        var amounts = covered.DerivedAmounts(state.Terms.Effective.From)
            .Where(a => a.Indicators.All(i => Visibility.CanSee(office, i)))
            .ToList();
        return new EnterpriseHistory(state, covered, reports, amounts);
    }
}
