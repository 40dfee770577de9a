using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// Where a figure batch claims its reportIds before any agreement books them, and settles them after
/// (<see cref="LedgerGateway.BookAsync"/>): the <see cref="ReportIdRegistry"/> itself in one process,
/// the <see cref="ReportIdDesk"/> singleton in a cluster (<see cref="Cluster.ClusterReportIds"/>).
/// </summary>
public interface IReportIdClaims
{
    /// <inheritdoc cref="ReportIdRegistry.ClaimAsync"/>
    Task<ReportIdClaims> ClaimAsync(IReadOnlyList<(string ReportId, AgreementId Agreement)> reports, CancellationToken cancellationToken);

    /// <inheritdoc cref="ReportIdRegistry.Confirm"/>
    Task<ReportIdClaim> ConfirmAsync(long batch, ReportIdClaim suspect, bool heldBySuspect, CancellationToken cancellationToken);

    /// <inheritdoc cref="ReportIdRegistry.Settle"/>
    void Settle(long batch, IReadOnlyList<string> claimed, IReadOnlyList<(string ReportId, AgreementId Agreement)> kept);
}
