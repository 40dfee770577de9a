using NodaTime;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// How long an enterprise's figures are shared (docs/allocation.md, sharing windows): <see cref="Months"/>
/// months from its confirmed start month, and once <see cref="ExtendMonths"/> more when its cap is not
/// reached at the end of the last of them; never outside the agreement's effective period. The window
/// is a function of the start month and the figures, so it is found again whenever either changes.
/// </summary>
public sealed record SharingWindow
{
    public SharingWindow(int months, int extendMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(extendMonths);
        Months = months;
        ExtendMonths = extendMonths;
    }

    public int Months { get; }

    public int ExtendMonths { get; }

    /// <summary>
    /// The months shared, from <paramref name="start"/>: the window's own months, extended when
    /// <paramref name="capReachedAtEndOf"/> says the cap was not reached at the end of the last of them,
    /// clipped to <paramref name="effective"/>. A window that reaches the period's end does not extend.
    /// </summary>
    /// <param name="start">The confirmed start month; it lies within the effective period.</param>
    /// <param name="capReachedAtEndOf">Whether U ≥ C at the end of a month; asked only when the window can extend.</param>
    public MonthRange Span(YearMonth start, EffectivePeriod effective, Func<YearMonth, bool> capReachedAtEndOf)
    {
        ArgumentNullException.ThrowIfNull(effective);
        ArgumentNullException.ThrowIfNull(capReachedAtEndOf);
        if (!effective.Contains(start))
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "The start month lies within the effective period.");
        }

        var last = start.PlusMonths(Months - 1);
        if (ExtendMonths > 0 && last < effective.To && !capReachedAtEndOf(last))
        {
            last = last.PlusMonths(ExtendMonths);
        }

        return new MonthRange(start, last < effective.To ? last : effective.To);
    }
}
