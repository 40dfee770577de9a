using System.Collections.Immutable;
using System.Text.Json.Serialization;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// A sharing term as stored: indicators, mode and ratio schedule, and from the v2 manifests on
/// (<c>agreement-created.v2</c>, <c>draft-edited.v2</c>, <c>amendment-proposed.v2</c>, <c>agreement-snapshot.v4</c>)
/// the formula of a term in formula mode. Other terms write no <c>formula</c> member, so they are stored
/// as v1 stored them (and the audit trail and the read side show them as before); a v1 payload reads as
/// terms without a formula: v1 terms were never in formula mode.
/// </summary>
public sealed record SharingTermWire(
    IReadOnlyList<string> Indicators,
    string Mode,
    IReadOnlyList<RatioStepWire> Schedule,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FormulaSharesWire? Formula = null)
{
    public static SharingTermWire Of(SharingTerm term) =>
        new([.. term.Indicators.Select(i => i.Code)], WireNames.Mode.Name(term.Mode), [.. term.Schedule.Select(RatioStepWire.Of)], term.Formula is { } formula ? FormulaSharesWire.Of(formula) : null);

    public static IReadOnlyList<SharingTermWire> Of(ImmutableArray<SharingTerm> terms) => [.. terms.Select(Of)];

    public static ImmutableArray<SharingTerm> ToDomain(IReadOnlyList<SharingTermWire> terms, ReferenceData reference) => [.. terms.Select(t => t.ToDomain(reference))];

    public SharingTerm ToDomain(ReferenceData reference) => new([.. Indicators.Select(code => WireIndicators.Resolve(reference, code))], WireNames.Mode.Parse(Mode), [.. Schedule.Select(s => s.ToDomain())], Formula?.ToDomain());
}
