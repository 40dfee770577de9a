using NodaTime;

namespace RevenueShare.Domain.Agreements;

/// <summary>Months from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record MonthRange(YearMonth From, YearMonth To)
{
    public bool Contains(YearMonth month) => month >= From && month <= To;
}
