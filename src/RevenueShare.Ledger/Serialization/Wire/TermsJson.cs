using System.Collections.Immutable;
using System.Text.Json;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// An agreement's terms (and an amendment's sharing terms) in the owned JSON form the journal stores
/// them in (as inside <c>agreement-created.v1</c>), for the other stores that keep terms: the read
/// side's agreement rows.
/// </summary>
public static class TermsJson
{
    public static string Write(AgreementTerms terms) => JsonSerializer.Serialize(terms, LedgerJson.Options);

    public static AgreementTerms ReadTerms(string json) =>
        JsonSerializer.Deserialize<AgreementTerms>(json, LedgerJson.Options) ?? throw new JsonException("Empty agreement terms.");

    public static string Write(ImmutableArray<SharingTerm> terms) => JsonSerializer.Serialize(terms, LedgerJson.Options);

    public static ImmutableArray<SharingTerm> ReadSharingTerms(string json) =>
        JsonSerializer.Deserialize<ImmutableArray<SharingTerm>>(json, LedgerJson.Options);
}
