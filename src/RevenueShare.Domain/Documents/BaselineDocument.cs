using System.Text.Json.Serialization;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// One baseline as it arrives: an agreed annual amount (the JSON string <c>"1200000.00"</c>) or one
/// derived from the enterprise's history (<c>{"derive": {"years": 2}}</c>).
/// </summary>
[JsonConverter(typeof(BaselineDocumentConverter))]
public sealed record BaselineDocument(string? Amount, DeriveDocument? Derive)
{
    public static implicit operator BaselineDocument(string? amount) => FromAmount(amount);

    public static BaselineDocument FromAmount(string? amount) => new(amount, null);
}
