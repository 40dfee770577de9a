using System.Text.Json.Serialization;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// An enterprise's cap as stored: <c>{"indicators": ["vat"], "amount": 500.00}</c>. <see cref="Derived"/>
/// came with <c>agreement-created.v3</c> (a cap derived from history, its amount 0 until certified); an
/// agreed cap is stored without it, as before.
/// </summary>
public sealed record EnterpriseCapWire(
    IReadOnlyList<string> Indicators,
    decimal Amount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DerivationWire? Derived = null)
{
    public static EnterpriseCapWire Of(EnterpriseCap cap) =>
        new([.. cap.Indicators.Select(i => i.Code)], cap.Amount, cap.Derived is null ? null : DerivationWire.Of(cap.Derived));

    public EnterpriseCap ToDomain(ReferenceData reference) =>
        new([.. Indicators.Select(code => WireIndicators.Resolve(reference, code))], Amount, Derived?.ToDomain());
}
