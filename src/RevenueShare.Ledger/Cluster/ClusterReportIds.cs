using Akka.Actor;
using Akka.Hosting;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Cluster;

/// <summary>
/// A cluster node's way to the reportId registry: the <see cref="ReportIdDesk"/> singleton, wherever
/// it runs. A claim lost with a node is sent again (a second claim of the same reports for the same
/// agreements is granted as the first); a settlement is told and not waited for.
/// </summary>
public sealed class ClusterReportIds(ActorRegistry registry) : IReportIdClaims
{
    public Task<ReportIdClaims> ClaimAsync(IReadOnlyList<(string ReportId, AgreementId Agreement)> reports, CancellationToken cancellationToken) =>
        AskAsync<ReportIdClaims>(new ClaimReportIds([.. reports]), cancellationToken);

    public Task<ReportIdClaim> ConfirmAsync(long batch, ReportIdClaim suspect, bool heldBySuspect, CancellationToken cancellationToken) =>
        AskAsync<ReportIdClaim>(new ConfirmReportId(batch, suspect, heldBySuspect), cancellationToken);

    public void Settle(long batch, IReadOnlyList<string> claimed, IReadOnlyList<(string ReportId, AgreementId Agreement)> kept) =>
        registry.Get<ReportIdDesk>().Tell(new SettleReportIds(batch, [.. claimed], [.. kept]));

    private Task<T> AskAsync<T>(object message, CancellationToken cancellationToken) =>
        RepeatedAsk.AskAsync<T>(registry.Get<ReportIdDesk>(), message, LedgerGateway.Timeout, cancellationToken);
}
