using NodaTime;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A ratio step as stored: <c>{"from": "2025-01", "ratios": {"440103": 60, "440115": 40}}</c>.</summary>
public sealed record RatioStepWire(YearMonth From, IReadOnlyDictionary<string, decimal> Ratios)
{
    public static RatioStepWire Of(RatioStep step) => new(step.From, AmountsByCode.Of(step.Ratios));

    public RatioStep ToDomain() => new(From, AmountsByCode.ByDistrict(Ratios));
}
