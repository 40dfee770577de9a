using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The stored form of <c>history-certified.v1</c>, and of each certification in the head of
/// <c>agreement-snapshot.v5</c>: an enterprise's history as certified and the amounts derived from it.
/// </summary>
public sealed record HistoryCertifiedWire(
    string AgreementId,
    string Enterprise,
    IReadOnlyList<CertifiedHistoryWire> History,
    IReadOnlyList<CertifiedAmountWire> Amounts,
    Instant At,
    string By)
{
    public static HistoryCertifiedWire Of(HistoryCertified e) => new(
        e.AgreementId.Value,
        e.Enterprise.Value,
        [.. e.History.Select(CertifiedHistoryWire.Of)],
        [.. e.Amounts.Select(CertifiedAmountWire.Of)],
        e.At,
        e.By.ToString());

    public HistoryCertified ToDomain(ReferenceData reference) => new(
        Domain.Agreements.AgreementId.Parse(AgreementId),
        CreditCode.Parse(Enterprise),
        [.. History.Select(h => h.ToDomain(reference))],
        [.. Amounts.Select(a => a.ToDomain(reference))],
        At,
        Principal.Parse(By));
}
