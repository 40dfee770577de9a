using NodaTime;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An agreement's effective months as stored: <c>{"from": "2025-01", "to": "2029-12"}</c>.</summary>
public sealed record EffectivePeriodWire(YearMonth From, YearMonth To)
{
    public static EffectivePeriodWire Of(EffectivePeriod period) => new(period.From, period.To);

    public EffectivePeriod ToDomain() => new(From, To);
}
