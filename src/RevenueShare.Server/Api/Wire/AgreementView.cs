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

public sealed record EnterpriseView(string Id, string Name, string RegisteredDistrict, IReadOnlyDictionary<string, string>? Baselines, CapView? Cap);

public sealed record CapView(IReadOnlyList<string> Indicators, string Amount);

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
