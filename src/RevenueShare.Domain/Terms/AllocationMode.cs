namespace RevenueShare.Domain.Terms;

/// <summary>How a term's figures are attributed (docs/agreements.md, Modes).</summary>
public enum AllocationMode
{
    /// <summary>The figure is divided between the parties by the ratios.</summary>
    Split,

    /// <summary>
    /// 全额双核算, statistical indicators only: every party is credited the full shareable figure for
    /// assessment; such credits are non-publishable and never enter a city total.
    /// </summary>
    DoubleCount,

    /// <summary>
    /// Tax indicators only (docs/allocation.md, Formula shares): the ratios of each year follow the
    /// parties' apportionment factors of the year before (<see cref="FormulaShares"/>), not a schedule.
    /// </summary>
    Formula,
}
