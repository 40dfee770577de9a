using NodaTime;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A closed range of months (a suspension), as stored in a snapshot.</summary>
public sealed record MonthRangeWire(YearMonth From, YearMonth To)
{
    public static MonthRangeWire Of(MonthRange range) => new(range.From, range.To);

    public MonthRange ToDomain() => new(From, To);
}
