using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>reportIds reserved for one agreement.</summary>
public sealed record AgreementReportIds(AgreementId Agreement, ImmutableArray<string> ReportIds)
{
    /// <summary>The pairs grouped by agreement, in the order each agreement first appears.</summary>
    public static ImmutableArray<AgreementReportIds> Group(IEnumerable<(string ReportId, AgreementId Agreement)> pairs) =>
        [.. pairs.GroupBy(p => p.Agreement).Select(g => new AgreementReportIds(g.Key, [.. g.Select(p => p.ReportId)]))];

    public IEnumerable<(string ReportId, AgreementId Agreement)> Pairs() => ReportIds.Select(r => (r, Agreement));
}
