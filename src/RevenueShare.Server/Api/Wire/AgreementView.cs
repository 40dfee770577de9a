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

public sealed record TermView(IReadOnlyList<string> Indicators, string Mode, IReadOnlyList<RatioStepView> Schedule);

public sealed record RatioStepView(string From, IReadOnlyDictionary<string, string> Ratios);

public sealed record AmendmentView(int Number, string From, IReadOnlyList<TermView> Terms, string Proposer, IReadOnlyList<string> Signatures, string Status);
