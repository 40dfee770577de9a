using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>route-figures</c> between nodes: the reports of a batch, to be told which agreement covers each.</summary>
public sealed record RouteFiguresWire(IReadOnlyList<FigureReportWire> Reports)
{
    public static RouteFiguresWire Of(RouteFigures message) => new([.. message.Reports.Select(FigureReportWire.Of)]);

    public RouteFigures ToDomain(ReferenceData reference) => new([.. Reports.Select(r => r.ToDomain(reference))]);
}
