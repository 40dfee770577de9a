using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An enterprise's cap as stored: <c>{"indicators": ["vat"], "amount": 500.00}</c>.</summary>
public sealed record EnterpriseCapWire(IReadOnlyList<string> Indicators, decimal Amount)
{
    public static EnterpriseCapWire Of(EnterpriseCap cap) => new([.. cap.Indicators], cap.Amount);

    public EnterpriseCap ToDomain() => new([.. Indicators], Amount);
}
