using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>history-reported.v1</c>: history figures of the agreement's enterprises, first reports or restatements.</summary>
public sealed record HistoryReportedWire(
    string AgreementId,
    IReadOnlyList<FigureReportWire> Reports,
    Instant At,
    string By)
{
    public static HistoryReportedWire Of(HistoryReported e) => new(e.AgreementId.Value, [.. e.Reports.Select(FigureReportWire.Of)], e.At, e.By.ToString());

    public HistoryReported ToDomain(ReferenceData reference) =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), [.. Reports.Select(r => r.ToDomain(reference))], At, Principal.Parse(By));
}
