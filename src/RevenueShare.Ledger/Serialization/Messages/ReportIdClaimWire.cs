using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>report-id-claim</c> between nodes: one report's claim, granted or held by another agreement.</summary>
public sealed record ReportIdClaimWire(string ReportId, string Agreement, string? HeldBy, bool InFlight)
{
    public static ReportIdClaimWire Of(ReportIdClaim claim) => new(claim.ReportId, claim.Agreement.Value, claim.HeldBy?.Value, claim.InFlight);

    public ReportIdClaim ToDomain() => new(ReportId, AgreementId.Parse(Agreement), HeldBy is null ? null : AgreementId.Parse(HeldBy), InFlight);
}
