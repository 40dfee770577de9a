using System.Collections.Immutable;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A sharing term as stored: indicators, mode and ratio schedule.</summary>
public sealed record SharingTermWire(IReadOnlyList<string> Indicators, string Mode, IReadOnlyList<RatioStepWire> Schedule)
{
    public static SharingTermWire Of(SharingTerm term) =>
        new([.. term.Indicators.Select(i => i.Code)], WireNames.Mode.Name(term.Mode), [.. term.Schedule.Select(RatioStepWire.Of)]);

    public static IReadOnlyList<SharingTermWire> Of(ImmutableArray<SharingTerm> terms) => [.. terms.Select(Of)];

    public static ImmutableArray<SharingTerm> ToDomain(IReadOnlyList<SharingTermWire> terms, ReferenceData reference) => [.. terms.Select(t => t.ToDomain(reference))];

    public SharingTerm ToDomain(ReferenceData reference) => new([.. Indicators.Select(code => WireIndicators.Resolve(reference, code))], WireNames.Mode.Parse(Mode), [.. Schedule.Select(s => s.ToDomain())]);
}
