using NodaTime;

namespace RevenueShare.Domain.Terms;

/// <summary>The months an agreement covers, both ends included (at most 60 months).</summary>
public sealed record EffectivePeriod(YearMonth From, YearMonth To)
{
    public bool Contains(YearMonth month) => month >= From && month <= To;
}
