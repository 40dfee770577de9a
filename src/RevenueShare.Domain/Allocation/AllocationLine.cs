using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Allocation;

/// <summary>
/// One party's part of one figure, with its explanation (docs/allocation.md, Explanation).
/// <see cref="Ratio"/>: the percent in force; <see cref="BasePart"/>: the part below the annual
/// baseline (kept by the registered district); <see cref="SharedPart"/>: the shareable part that was
/// split; <see cref="CapRemainingBefore"/>/<see cref="CapRemainingAfter"/>: what was left of the
/// enterprise's cap before and after this figure (null when it has no cap over this indicator).
/// <see cref="DoubleCount"/> marks a 全额双核算 credit: non-publishable, never in a city total.
/// </summary>
public sealed record AllocationLine(
    CreditCode Enterprise,
    Indicator Indicator,
    YearMonth Month,
    DistrictCode District,
    decimal Amount,
    decimal Ratio,
    decimal BasePart,
    decimal SharedPart,
    decimal? CapRemainingBefore,
    decimal? CapRemainingAfter,
    bool DoubleCount);
