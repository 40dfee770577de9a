namespace RevenueShare.Domain.Documents;

/// <summary>
/// An agreement as it arrives on the wire (docs/interfaces.md, Payload shapes), before validation: every
/// field may be missing. <see cref="AgreementDocumentReader"/> turns it into
/// <see cref="Terms.AgreementTerms"/> or the full list of problems.
/// </summary>
public sealed record AgreementDocument(
    string? Title,
    string? Model,
    IReadOnlyList<PartyDocument?>? Parties,
    EffectiveDocument? Effective,
    IReadOnlyList<EnterpriseDocument?>? Enterprises,
    IReadOnlyList<TermDocument?>? Terms);
