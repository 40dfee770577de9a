using System.Collections.Immutable;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>report-id-claims</c> between nodes: a batch's claims in its order, and which are suspects.</summary>
public sealed record ReportIdClaimsWire(long Batch, ImmutableArray<ReportIdClaimWire> Claims, ImmutableArray<int> Suspects)
{
    public static ReportIdClaimsWire Of(ReportIdClaims claims) => new(claims.Batch, [.. claims.Claims.Select(ReportIdClaimWire.Of)], claims.Suspects);

    public ReportIdClaims ToDomain() =>
        new(Batch, Claims.IsDefault ? [] : [.. Claims.Select(c => c.ToDomain())], Suspects.IsDefault ? [] : Suspects);
}
