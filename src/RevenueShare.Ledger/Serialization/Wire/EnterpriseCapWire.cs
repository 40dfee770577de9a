using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An enterprise's cap as stored: <c>{"indicators": ["vat"], "amount": 500.00}</c>.</summary>
public sealed record EnterpriseCapWire(IReadOnlyList<string> Indicators, decimal Amount)
{
    public static EnterpriseCapWire Of(EnterpriseCap cap) => new([.. cap.Indicators.Select(i => i.Code)], cap.Amount);

    public EnterpriseCap ToDomain(ReferenceData reference) => new([.. Indicators.Select(code => WireIndicators.Resolve(reference, code))], Amount);
}
