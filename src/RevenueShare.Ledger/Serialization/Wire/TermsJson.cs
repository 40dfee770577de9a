using System.Collections.Immutable;
using System.Text.Json;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// An agreement's terms (and an amendment's sharing terms) in the owned JSON form the journal stores
/// them in (<see cref="AgreementTermsWire"/>, <see cref="SharingTermWire"/>), for the other stores that
/// keep terms: the read side's agreement rows.
/// </summary>
public static class TermsJson
{
    public static string Write(AgreementTerms terms) => JsonSerializer.Serialize(AgreementTermsWire.Of(terms), WireJson.Options);

    public static AgreementTerms ReadTerms(string json, ReferenceData reference) =>
        (JsonSerializer.Deserialize<AgreementTermsWire>(json, WireJson.Options) ?? throw new JsonException("Empty agreement terms.")).ToDomain(reference);

    public static string Write(ImmutableArray<SharingTerm> terms) => JsonSerializer.Serialize(SharingTermWire.Of(terms), WireJson.Options);

    public static ImmutableArray<SharingTerm> ReadSharingTerms(string json, ReferenceData reference) =>
        SharingTermWire.ToDomain(JsonSerializer.Deserialize<IReadOnlyList<SharingTermWire>>(json, WireJson.Options) ?? throw new JsonException("Empty sharing terms."), reference);
}
