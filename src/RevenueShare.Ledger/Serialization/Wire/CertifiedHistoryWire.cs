using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>One indicator's certified history as stored in <c>history-certified.v1</c>: each month's figure with its reportId and revision.</summary>
public sealed record CertifiedHistoryWire(string Indicator, IReadOnlyList<FigureReportWire> Figures)
{
    public static CertifiedHistoryWire Of(CertifiedHistory history) => new(history.Indicator.Code, [.. history.Figures.Select(FigureReportWire.Of)]);

    public CertifiedHistory ToDomain(ReferenceData reference) =>
        new(WireIndicators.Resolve(reference, Indicator), [.. Figures.Select(f => f.ToDomain(reference))]);
}
