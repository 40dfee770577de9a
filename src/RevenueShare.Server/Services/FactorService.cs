using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;

namespace RevenueShare.Server.Services;

/// <summary>
/// Apportionment factors (docs/allocation.md, Formula shares), one path for the API and the pages: the
/// tax office reports an enterprise's factors of a year; reading them follows need to know: they come
/// from consolidated tax returns, so the statistics bureau never sees them.
/// </summary>
public sealed class FactorService(AgreementService agreements, LedgerGateway ledger, ReferenceData reference)
{
    /// <summary>Books the report (or recognises it as a duplicate) and answers what it sets.</summary>
    public async Task<Outcome<FactorAnswer>> ReportAsync(Principal office, string id, FactorReportDocument? document, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        if (office != Principal.Tax)
        {
            return Refusal.Forbidden("Only tax reports apportionment factors: they come from the consolidated tax returns.");
        }

        if (!FactorReportReader.TryRead(document, reference, out var report, out var problems))
        {
            return Refusal.Invalid(problems);
        }

        var reply = await ledger.SendAsync(new ReportFactors(state.Id, office, report), cancellationToken);
        if (reply.Rejection is not null)
        {
            return Refusal.Of(reply.Rejection);
        }

        var after = reply.State!;
        return new FactorAnswer(after, after.FactorReports[report.ReportId], reply.Outcomes.Single().Status);
    }

    /// <summary>Every factor report of the agreement (of <paramref name="year"/> only, when given), by enterprise, year and revision.</summary>
    public async Task<Outcome<AgreementFactors>> GetAsync(Principal office, string id, string? year, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        if (office == Principal.Statistics)
        {
            return Refusal.Forbidden("Apportionment factors come from consolidated tax returns: the statistics bureau does not see them.");
        }

        int? only = null;
        if (year is not null)
        {
            if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || year.Length != 4)
            {
                return Refusal.BadField("year", $"'{year}' is not a year; expected four digits such as 2024.");
            }

            only = parsed;
        }

        var reports = state.FactorReports.Values
            .Where(r => only is null || r.Year == only)
            .OrderBy(r => r.Enterprise)
            .ThenBy(r => r.Year)
            .ThenBy(r => r.Revision)
            .ToArray();
        return new AgreementFactors(state, reports);
    }
}
