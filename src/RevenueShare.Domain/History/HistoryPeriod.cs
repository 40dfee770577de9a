using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.History;

/// <summary>
/// The months an agreement takes history figures for (docs/allocation.md, history and derived
/// amounts): the 36 months before it takes effect, and further back every month of the derivation
/// windows its terms name (a 3-year window of an agreement effective from March starts in January,
/// 38 months before).
/// </summary>
public static class HistoryPeriod
{
    /// <summary>How many months before <c>effective.from</c> history is always accepted for.</summary>
    public const int Months = 36;

    public static MonthRange Of(AgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var from = terms.Effective.From;
        var first = from.PlusMonths(-Months);
        foreach (var amount in terms.Enterprises.SelectMany(e => e.DerivedAmounts(from)))
        {
            var start = new YearMonth(amount.Window.FirstYear, 1);
            first = start < first ? start : first;
        }

        return new MonthRange(first, from.PlusMonths(-1));
    }
}
