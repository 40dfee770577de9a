using System.Text.Json.Serialization;

namespace RevenueShare.Server.Api.Wire;

/// <summary>An agreement as the API answers it (docs/interfaces.md, Payload shapes): its terms, plus state, signatures and amendments.</summary>
public sealed record AgreementView(
    string Id,
    string Title,
    string Model,
    IReadOnlyList<PartyView> Parties,
    EffectiveView Effective,
    IReadOnlyList<EnterpriseView> Enterprises,
    IReadOnlyList<TermView> Terms,
    string State,
    string? Substate,
    long Version,
    string Proposer,
    IReadOnlyList<string> Signatures,
    IReadOnlyList<AmendmentView> Amendments,
    string? SuspendedFrom,
    string? TerminatedFrom);

public sealed record PartyView(string District, string Role);

public sealed record EffectiveView(string From, string To);

/// <summary>
/// A covered enterprise: <see cref="Baselines"/> are the agreed and the certified ones; a baseline
/// derived from history is in <see cref="DerivedBaselines"/>, and in <see cref="Baselines"/> once certified.
/// </summary>
public sealed record EnterpriseView(
    string Id,
    string Name,
    string RegisteredDistrict,
    IReadOnlyDictionary<string, string>? Baselines,
    CapView? Cap,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, DerivationView>? DerivedBaselines = null);

/// <summary>A cap: its agreed amount, or one derived from history (<see cref="Derive"/>), whose amount is there once certified.</summary>
public sealed record CapView(
    IReadOnlyList<string> Indicators,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Amount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DerivationView? Derive = null);

/// <summary>An amount derived from the enterprise's history of the <see cref="Years"/> years before the agreement takes effect, and whether that history is certified.</summary>
public sealed record DerivationView(int Years, bool Certified);

/// <summary>A sharing term: its schedule, or for a formula term an empty schedule and the head office, its percent and the weights.</summary>
public sealed record TermView(
    IReadOnlyList<string> Indicators,
    string Mode,
    IReadOnlyList<RatioStepView> Schedule,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hq = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HqPercent = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FactorsView? Weights = null);

public sealed record RatioStepView(string From, IReadOnlyDictionary<string, string> Ratios);

public sealed record AmendmentView(int Number, string From, IReadOnlyList<TermView> Terms, string Proposer, IReadOnlyList<string> Signatures, string Status);
