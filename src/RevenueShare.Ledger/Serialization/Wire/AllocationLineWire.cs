using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An allocation line with its explanation, as stored in the v1 JSON forms.</summary>
public sealed record AllocationLineWire(
    string Enterprise,
    string Indicator,
    YearMonth Month,
    string District,
    decimal Amount,
    decimal Ratio,
    decimal BasePart,
    decimal SharedPart,
    decimal? CapRemainingBefore,
    decimal? CapRemainingAfter,
    bool DoubleCount)
{
    public static AllocationLineWire Of(AllocationLine line) => new(
        line.Enterprise.Value, line.Indicator.Code, line.Month, line.District.Value, line.Amount, line.Ratio, line.BasePart, line.SharedPart,
        line.CapRemainingBefore, line.CapRemainingAfter, line.DoubleCount);

    public AllocationLine ToDomain(ReferenceData reference) => new(
        CreditCode.Parse(Enterprise), WireIndicators.Resolve(reference, Indicator), Month, DistrictCode.Parse(District), Amount, Ratio, BasePart, SharedPart, CapRemainingBefore, CapRemainingAfter, DoubleCount);
}
