using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The audit trail's detail of a certification: the enterprise, its history as certified (each month's
/// figure with its reportId, as the journal stores it) and each amount derived from it, named by what it
/// is (<see cref="CertifiedAmountDetail"/>).
/// </summary>
public sealed record HistoryCertifiedDetail(string Enterprise, IReadOnlyList<CertifiedHistoryWire> History, IReadOnlyList<CertifiedAmountDetail> Amounts)
{
    /// <param name="header">The agreement after the certification, whose terms say over which indicators its cap runs.</param>
    public static HistoryCertifiedDetail Of(HistoryCertified certified, AgreementState header)
    {
        ArgumentNullException.ThrowIfNull(certified);
        ArgumentNullException.ThrowIfNull(header);
        var enterprise = header.Terms.Enterprises.Single(e => e.Id == certified.Enterprise);
        return new(
            certified.Enterprise.Value,
            [.. certified.History.Select(CertifiedHistoryWire.Of)],
            [.. certified.Amounts.Select(a => a.Baseline is { } baseline
                ? new CertifiedAmountDetail("baseline", [baseline.Code], a.Amount)
                : new CertifiedAmountDetail("cap", [.. enterprise.Cap!.Indicators.Select(i => i.Code)], a.Amount))]);
    }
}
