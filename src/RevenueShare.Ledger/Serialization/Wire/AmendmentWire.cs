using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An amendment and how far it got, as stored in a snapshot.</summary>
public sealed record AmendmentWire(int Number, YearMonth From, IReadOnlyList<SharingTermWire> Terms, string Proposer, IReadOnlyList<string> Signatures, string Status)
{
    public static AmendmentWire Of(Amendment amendment) => new(
        amendment.Number,
        amendment.From,
        SharingTermWire.Of(amendment.Terms),
        amendment.Proposer.Value,
        [.. amendment.Signatures.Select(s => s.Value)],
        WireNames.AmendmentStatus.Name(amendment.Status));

    public Amendment ToDomain(ReferenceData reference) => new(Number, From, SharingTermWire.ToDomain(Terms, reference), DistrictCode.Parse(Proposer), [.. Signatures.Select(DistrictCode.Parse)], WireNames.AmendmentStatus.Parse(Status));
}
