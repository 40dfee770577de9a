using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>
/// Builders for agreement rules and figures. The worked examples of docs/allocation.md list the origin O
/// (天河 440106) first and the host H (黄埔 440112), the registered district, second; T (番禺 440113) is a
/// third party where one is needed.
/// </summary>
internal static class Agreements
{
    public static readonly DistrictCode O = DistrictCode.Parse("440106");
    public static readonly DistrictCode H = DistrictCode.Parse("440112");
    public static readonly DistrictCode T = DistrictCode.Parse("440113");

    public static readonly CreditCode Enterprise = Codes.Code("91440112MA5D0000A");
    public static readonly CreditCode OtherEnterprise = Codes.Code("91440112MA5D0000B");

    public static YearMonth Month(string text) => Months.Parse(text);

    public static RatioStep Step(string from, params (DistrictCode District, decimal Percent)[] ratios) =>
        new(Month(from), ratios.ToImmutableDictionary(r => r.District, r => r.Percent));

    public static SharingTerm Term(string indicator, AllocationMode mode, params RatioStep[] schedule) =>
        new([.. indicator.Split(',').Select(Catalogue.Indicator)], mode, [.. schedule]);

    public static SharingTerm Split(string indicator, params RatioStep[] schedule) =>
        Term(indicator, AllocationMode.Split, schedule);

    public static CoveredEnterprise Covered(
        CreditCode? id = null,
        DistrictCode? registered = null,
        ImmutableDictionary<Indicator, decimal>? baselines = null,
        EnterpriseCap? cap = null) =>
        new(id ?? Enterprise, "示例智造有限公司", registered ?? H, baselines ?? ImmutableDictionary<Indicator, decimal>.Empty, cap);

    public static EnterpriseCap Cap(string indicators, decimal amount) => new([.. indicators.Split(',').Select(Catalogue.Indicator)], amount);

    public static ImmutableDictionary<Indicator, decimal> Baseline(string indicator, decimal annual) =>
        ImmutableDictionary<Indicator, decimal>.Empty.Add(Catalogue.Indicator(indicator), annual);

    /// <summary>Rules with the given parties (origin first unless told), one enterprise and terms from 2025-01.</summary>
    public static AgreementRules Rules(CoveredEnterprise enterprise, params SharingTerm[] terms) =>
        Rules([O, H], [enterprise], terms);

    public static AgreementRules Rules(DistrictCode[] parties, CoveredEnterprise[] enterprises, params SharingTerm[] terms) =>
        new(
            [.. parties.Select(p => new Party(p, p == H ? PartyRole.Host : PartyRole.Origin))],
            [.. enterprises],
            [new TermsVersion(Month("2025-01"), [.. terms])]);

    public static Figure Figure(string indicator, string month, decimal amount, CreditCode? enterprise = null) =>
        new(enterprise ?? Enterprise, Catalogue.Indicator(indicator), Month(month), amount);

    /// <summary>
    /// Lines as a table: one row per figure, "2025-01 vat O 360.00 H 240.00". Amounts print as the
    /// engine normalised them, so 0 instead of 0.00 would show.
    /// </summary>
    public static string Render(IEnumerable<AllocationLine> lines)
    {
        var rows = lines
            .GroupBy(l => (l.Month, l.Indicator, l.Enterprise))
            .Select(g => $"{Months.Format(g.Key.Month)} {g.Key.Indicator} " +
                string.Join(" ", g.Select(l => $"{Label(l.District)} {l.Amount.ToString(CultureInfo.InvariantCulture)}")));
        return string.Join("; ", rows);
    }

    /// <summary>Changes as a table: "2025-01 vat O -60.00 H -40.00".</summary>
    public static string Render(IEnumerable<AllocationChange> changes)
    {
        var builder = new StringBuilder();
        foreach (var group in changes.GroupBy(c => (c.Line.Month, c.Line.Indicator, c.Line.Enterprise)))
        {
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }

            builder.Append(CultureInfo.InvariantCulture, $"{Months.Format(group.Key.Month)} {group.Key.Indicator}");
            foreach (var change in group)
            {
                var sign = change.Amount > 0m ? "+" : string.Empty;
                builder.Append(CultureInfo.InvariantCulture, $" {Label(change.Line.District)} {sign}{change.Amount.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return builder.ToString();
    }

    public static string Label(DistrictCode district) =>
        district == O ? "O" : district == H ? "H" : district == T ? "T" : district.Value;
}
