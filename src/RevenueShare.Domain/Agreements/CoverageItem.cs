using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>An enterprise and indicator an agreement shares, from one month to another (both included).</summary>
public sealed record CoverageItem(CreditCode Enterprise, Indicator Indicator, YearMonth From, YearMonth To)
{
    public bool Overlaps(CoverageItem other) =>
        Enterprise == other.Enterprise && Indicator == other.Indicator && From <= other.To && other.From <= To;

    public bool Contains(CreditCode enterprise, Indicator indicator, YearMonth month) =>
        Enterprise == enterprise && Indicator == indicator && month >= From && month <= To;
}
