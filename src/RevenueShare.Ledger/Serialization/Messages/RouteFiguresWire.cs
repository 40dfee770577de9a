using System.Runtime.Serialization;
using NodaTime;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary>
/// <c>route-figures</c> between nodes: of each report of a batch, its enterprise, indicator and month,
/// to be told which agreement covers it — as three columns, which keep a batch of 1,000 well under
/// the frame remoting sends at once.
/// </summary>
public sealed record RouteFiguresWire(IReadOnlyList<string> Enterprises, IReadOnlyList<string> Indicators, IReadOnlyList<YearMonth> Months)
{
    public static RouteFiguresWire Of(RouteFigures message) =>
        new([.. message.Figures.Select(f => f.Enterprise.Value)], [.. message.Figures.Select(f => f.Indicator.Code)], [.. message.Figures.Select(f => f.Month)]);

    public RouteFigures ToDomain(ReferenceData reference) =>
        Enterprises.Count == Indicators.Count && Indicators.Count == Months.Count
            ? new([.. Enterprises.Select((enterprise, i) => new FigureToRoute(CreditCode.Parse(enterprise), WireIndicators.Resolve(reference, Indicators[i]), Months[i]))])
            : throw new SerializationException($"route-figures: {Enterprises.Count} enterprises, {Indicators.Count} indicators and {Months.Count} months.");
}
