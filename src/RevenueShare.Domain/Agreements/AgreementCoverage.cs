using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// What an agreement covers (docs/agreements.md, Coverage: an enterprise and indicator may be covered by
/// at most one approved agreement for any month): each enterprise × each indicator of the terms in
/// force, for the months those terms are in force, ending where the agreement ends or was terminated.
/// </summary>
public static class AgreementCoverage
{
    public static ImmutableArray<CoverageItem> Of(AgreementRules rules, EffectivePeriod effective, YearMonth? terminatedFrom = null)
    {
        var end = terminatedFrom is { } stop && stop.PlusMonths(-1) < effective.To ? stop.PlusMonths(-1) : effective.To;
        var versions = rules.Versions.OrderBy(v => v.From).ToArray();
        var items = ImmutableArray.CreateBuilder<CoverageItem>();
        for (var i = 0; i < versions.Length; i++)
        {
            var from = versions[i].From;
            var to = i + 1 < versions.Length ? versions[i + 1].From.PlusMonths(-1) : end;
            if (to > end)
            {
                to = end;
            }

            if (from > to)
            {
                continue;
            }

            foreach (var enterprise in rules.Enterprises)
            {
                foreach (var indicator in versions[i].Terms.SelectMany(t => t.Indicators))
                {
                    items.Add(new CoverageItem(enterprise.Id, indicator, from, to));
                }
            }
        }

        return items.ToImmutable();
    }
}
