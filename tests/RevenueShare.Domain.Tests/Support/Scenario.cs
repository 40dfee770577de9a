using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>
/// A small random agreement and its figures, for the property tests: 2–4 parties, ratios with two
/// decimals summing to 100 (sometimes a second step, sometimes an amendment; often ratios that tie,
/// such as 33.33/33.33/33.34), one or two enterprises with an optional baseline and an optional cap,
/// and figures over six months that cross a year end: tax (vat, cit, scale 2) under one split term and
/// statistics (industrial-output, scale 1) under a term of its own, split or double-count. Amounts are
/// mostly ordinary, often a few units (so remainders tie), sometimes near the largest the ledger
/// accepts (<see cref="Amounts.Limit"/>).
/// </summary>
internal sealed record Scenario(AgreementRules Rules, ImmutableArray<Figure> Figures)
{
    private static readonly DistrictCode[] Districts = [.. new[] { "440103", "440104", "440105", "440106", "440111", "440112", "440113" }.Select(DistrictCode.Parse)];
    private static readonly string[] TaxIndicators = ["vat", "cit"];
    private static readonly string[] Indicators = [.. TaxIndicators, "industrial-output"];
    private static readonly YearMonth[] Months = [.. Enumerable.Range(0, 6).Select(i => new YearMonth(2025, 10).PlusMonths(i))];
    private static readonly CreditCode[] Codes = [Support.Codes.Code("91440112MA5D0000A"), Support.Codes.Code("91440106MA5D0000B")];

    /// <summary>The six months a scenario has figures for, 2025-10..2026-03.</summary>
    public static IReadOnlyList<YearMonth> FigureMonths => Months;

    /// <summary>Any scenario, negative figures included.</summary>
    public static Arbitrary<Scenario> Any { get; } = Arb.From(Generate(allowNegative: true));

    /// <summary>Scenarios whose figures are all ≥ 0.</summary>
    public static Arbitrary<Scenario> NonNegative { get; } = Arb.From(Generate(allowNegative: false));

    /// <summary>A scenario and a sequence of reports over a few keys, so restatements are frequent.</summary>
    public static Arbitrary<(Scenario Scenario, Figure[] Reports)> WithReports { get; } = Arb.From(
        from scenario in Generate(allowNegative: true)
        from count in Gen.Choose(1, 16)
        from reports in Gen.ArrayOf(Report(scenario.Rules, allowNegative: true, months: 3), count)
        select (scenario, reports));

    /// <summary>
    /// A scenario and batches of reports over all its months in any order, so a batch often lands
    /// before months already booked and restates figures across the year end and the amendment.
    /// </summary>
    public static Arbitrary<(Scenario Scenario, Figure[][] Batches)> WithBatches { get; } = Arb.From(
        from scenario in Generate(allowNegative: true)
        from count in Gen.Choose(1, 8)
        from batches in Gen.ArrayOf(Gen.Choose(1, 5).SelectMany(size => Gen.ArrayOf(Report(scenario.Rules, allowNegative: true, months: 5), size)), count)
        select (scenario, batches));

    /// <summary>
    /// Two-decimal percents, each ≥ 0, summing to exactly 100: cut anywhere, or on a coarse grid or
    /// evenly (33.33/33.33/33.34, 25/25/25/25), where equal ratios make remainders tie.
    /// </summary>
    public static Gen<decimal[]> Ratios(int parties) =>
        Gen.Frequency(
            (2, Cuts(parties, Gen.Choose(0, 10_000))),
            (1, Cuts(parties, Gen.Choose(0, 4).Select(quarter => quarter * 2_500))),
            (1, Even(parties)));

    /// <summary>An amount at <paramref name="scale"/>: ordinary, a few units either side of zero, or near the ledger's limit.</summary>
    public static Gen<decimal> Amount(bool allowNegative, int scale)
    {
        var unit = Amounts.Unit(scale);
        var limitUnits = Amounts.Limit / unit;
        return Gen.Frequency(
            (6, Gen.Choose(allowNegative ? -50_000 : 0, 200_000).Select(units => units * unit)),
            (3, Gen.Choose(allowNegative ? -5 : 0, 5).Select(units => units * unit)),
            (1, from high in Gen.Choose(0, (int)(limitUnits / 100_000_000m) - 1)
                from low in Gen.Choose(0, 99_999_999)
                from negative in allowNegative ? Gen.Elements(false, true) : Gen.Constant(false)
                select (negative ? -1 : 1) * ((high * 100_000_000m) + low) * unit));
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("parties ").AppendJoin(", ", Rules.Parties.Select(p => p.District)).AppendLine();
        foreach (var version in Rules.Versions)
        {
            foreach (var term in version.Terms)
            {
                foreach (var step in term.Schedule)
                {
                    text.Append(CultureInfo.InvariantCulture, $"from {version.From} {string.Join(",", term.Indicators)} {term.Mode} step {step.From}: ")
                        .AppendJoin(" ", Rules.Parties.Select(p => step.Ratios.GetValueOrDefault(p.District).ToString(CultureInfo.InvariantCulture)))
                        .AppendLine();
                }
            }
        }

        foreach (var e in Rules.Enterprises)
        {
            text.Append(CultureInfo.InvariantCulture, $"enterprise {e.Id} registered {e.RegisteredDistrict}")
                .Append(string.Concat(e.Baselines.Select(b => $" baseline {b.Key} {b.Value}")))
                .Append(e.Cap is { } cap ? $" cap {string.Join(",", cap.Indicators)} {cap.Amount}" : string.Empty)
                .AppendLine();
        }

        foreach (var f in Figures)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {f.Enterprise} {f.Indicator} {f.Month} {f.Amount}").AppendLine();
        }

        return text.ToString();
    }

    private static Gen<Scenario> Generate(bool allowNegative) =>
        from count in Gen.Choose(2, 4)
        from districts in Gen.Shuffle(Districts).Select(d => d.Take(count).ToArray())
        from first in Ratios(count)
        from second in Gen.OneOf(Gen.Constant<decimal[]?>(null), Ratios(count).Select(r => (decimal[]?)r))
        from amendment in Gen.OneOf(Gen.Constant<decimal[]?>(null), Ratios(count).Select(r => (decimal[]?)r))
        from output in Ratios(count)
        from outputMode in Gen.Elements(AllocationMode.Split, AllocationMode.DoubleCount)
        from enterprises in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Enterprise(districts), n))
        let covered = enterprises.Select((e, i) => e with { Id = Codes[i] }).ToArray()
        let rules = Build(districts, covered, first, second, amendment, new SharingTerm([Catalogue.Indicator("industrial-output")], outputMode, [Step(Months[0], districts, output)]))
        from figures in Gen.SubListOf(Keys(covered.Length)).SelectMany(keys => Gen.CollectToArray(keys, k => Amount(allowNegative, Catalogue.Indicator(k.Indicator).Scale))
            .Select(amounts => keys.Select((k, i) => new Figure(Codes[k.Enterprise], Catalogue.Indicator(k.Indicator), k.Month, amounts[i])).ToArray()))
        select new Scenario(rules, [.. figures]);

    private static Gen<CoveredEnterprise> Enterprise(DistrictCode[] districts) =>
        from registered in Gen.Elements(districts)
        from baseline in Gen.OneOf(
            Gen.Constant(ImmutableDictionary<Indicator, decimal>.Empty),
            Gen.Zip(Gen.Elements(Indicators).Select(Catalogue.Indicator), Gen.Choose(0, 300_000), (i, b) => ImmutableDictionary<Indicator, decimal>.Empty.Add(i, b * Amounts.Unit(i.Scale))))
        from cap in Gen.OneOf(
            Gen.Constant<EnterpriseCap?>(null),
            Gen.Zip(Gen.Elements<string[]>(["vat"], ["cit"], ["vat", "cit"]), Gen.Choose(0, 300_000), (i, c) => (EnterpriseCap?)new EnterpriseCap([.. i.Select(Catalogue.Indicator)], c / 100m)))
        select new CoveredEnterprise(Codes[0], "示例", registered, baseline, cap);

    private static Gen<Figure> Report(AgreementRules rules, bool allowNegative, int months) =>
        from enterprise in Gen.Elements(rules.Enterprises.Select(e => e.Id))
        from indicator in Gen.Elements(Indicators).Select(Catalogue.Indicator)
        from month in Gen.Elements(Months.Skip(1).Take(months))
        from amount in Amount(allowNegative, indicator.Scale)
        select new Figure(enterprise, indicator, month, amount);

    private static (int Enterprise, string Indicator, YearMonth Month)[] Keys(int enterprises) =>
        [.. from e in Enumerable.Range(0, enterprises) from i in Indicators from m in Months select (e, i, m)];

    /// <summary>The rules of the tax term (and its amendment, which keeps the statistics term) beside the statistics term.</summary>
    private static AgreementRules Build(DistrictCode[] districts, CoveredEnterprise[] enterprises, decimal[] first, decimal[]? second, decimal[]? amendment, SharingTerm output)
    {
        var schedule = ImmutableArray.Create(Step(Months[0], districts, first));
        if (second is not null)
        {
            schedule = schedule.Add(Step(Months[2], districts, second));
        }

        var tax = TaxIndicators.Select(Catalogue.Indicator).ToImmutableArray();
        var rules = new AgreementRules(
            [.. districts.Select((d, i) => new Party(d, i == 0 ? PartyRole.Origin : PartyRole.Host))],
            [.. enterprises],
            [new TermsVersion(Months[0], [new SharingTerm(tax, AllocationMode.Split, schedule), output])]);
        return amendment is null
            ? rules
            : rules.Amend(Months[3], [new SharingTerm(tax, AllocationMode.Split, [Step(Months[3], districts, amendment)]), output]);
    }

    private static Gen<decimal[]> Cuts(int parties, Gen<int> cut) =>
        Gen.ArrayOf(cut, parties - 1).Select(cuts =>
        {
            var points = cuts.Order().Prepend(0).Append(10_000).ToArray();
            return points.Zip(points.Skip(1), (a, b) => (b - a) / 100m).ToArray();
        });

    /// <summary>100 / parties at two decimals each, the hundredths left over on one party.</summary>
    private static Gen<decimal[]> Even(int parties) =>
        Gen.Choose(0, parties - 1).Select(rest =>
        {
            var share = 10_000 / parties;
            return Enumerable.Range(0, parties).Select(k => (k == rest ? 10_000 - (share * (parties - 1)) : share) / 100m).ToArray();
        });

    private static RatioStep Step(YearMonth from, DistrictCode[] districts, decimal[] ratios) =>
        new(from, ImmutableDictionary.CreateRange(districts.Zip(ratios, KeyValuePair.Create)));
}
