using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// Whatever history is reported and restated, in whatever batches, the amounts certified equal a
/// direct sum of the current history over the window (the cap) and its truncated annual average (the
/// baseline), and restatements after certification change neither.
/// </summary>
public sealed class HistoryCertificationProperties
{
    private static readonly Instant Later = Instant.FromUtc(2026, 2, 10, 2, 0);

    private static readonly Indicator Vat = Catalogue.Indicator("vat");
    private static readonly Indicator Cit = Catalogue.Indicator("cit");

    private static readonly YearMonth[] Window = [.. Enumerable.Range(0, 36).Select(i => new YearMonth(2023, 1).PlusMonths(i))];

    /// <summary>One history report: an indicator, a month of the window and an amount (negative allowed: refunds).</summary>
    private sealed record Reported(bool IsVat, int Month, decimal Amount);

    private static readonly Arbitrary<(int CapYears, int BaselineYears, Reported[] Restated, Reported[] After)> Histories = Arb.From(
        from capYears in Gen.Choose(1, 3)
        from baselineYears in Gen.Choose(1, 3)
        from restatedCount in Gen.Choose(0, 30)
        from restated in Gen.ArrayOf(Report(), restatedCount)
        from afterCount in Gen.Choose(0, 5)
        from after in Gen.ArrayOf(Report(), afterCount)
        select (capYears, baselineYears, restated, after));

    private static Gen<Reported> Report() =>
        from isVat in Gen.Elements(true, false)
        from month in Gen.Choose(0, 35)
        from units in Gen.Choose(-100_000, 10_000_000)
        select new Reported(isVat, month, units / 100m);

    [Property(MaxTest = 200)]
    public Property Certified_amounts_are_the_direct_sum_and_average_of_the_current_history() =>
        Prop.ForAll(Histories, h =>
        {
            var enterprise = Covered(cap: new EnterpriseCap([Vat, Cit], 0m, new Derivation(h.CapYears, Certified: false))) with
            {
                DerivedBaselines = ImmutableDictionary<Indicator, Derivation>.Empty.Add(Cit, new Derivation(h.BaselineYears, Certified: false)),
            };
            var terms = Proposal([O, H], enterprise, Split("vat,cit", Step("2026-01", (O, 60m), (H, 40m)))) with
            {
                Effective = new EffectivePeriod(new YearMonth(2026, 1), new YearMonth(2028, 12)),
            };
            var state = InState("AwaitingCountersign", terms);
            var revisions = new Dictionary<(Indicator, YearMonth), int>();
            var current = new Dictionary<(Indicator, YearMonth), decimal>();
            var sequence = 0;
            FigureReport Next(Reported r)
            {
                var key = (r.IsVat ? Vat : Cit, Window[r.Month]);
                var revision = revisions[key] = revisions.GetValueOrDefault(key) + 1;
                return new FigureReport($"h{sequence++}", Enterprise, key.Item1, key.Item2, r.Amount, revision);
            }

            var firsts = Window.SelectMany(m => new[] { new Reported(true, Array.IndexOf(Window, m), 100.00m), new Reported(false, Array.IndexOf(Window, m), 50.00m) });
            foreach (var batch in firsts.Concat(h.Restated).Select(Next).Chunk(7))
            {
                state = Accept(state, new ReportHistory(AgreementId.Parse(Id), Principal.Tax, [.. batch]), Later);
                foreach (var report in batch)
                {
                    current[(report.Indicator, report.Month)] = report.Amount;
                }
            }

            state = Accept(state, new CertifyHistory(AgreementId.Parse(Id), Principal.Tax, Enterprise, []), Later);
            if (h.After.Length > 0)
            {
                state = Accept(state, new ReportHistory(AgreementId.Parse(Id), Principal.Tax, [.. h.After.Select(Next)]), Later);
            }

            var capMonths = Window.Where(m => m.Year >= 2026 - h.CapYears);
            var cap = capMonths.Sum(m => current[(Vat, m)] + current[(Cit, m)]);
            var citUnits = (long)(Window.Where(m => m.Year >= 2026 - h.BaselineYears).Sum(m => current[(Cit, m)]) * 100m);
            var baseline = citUnits / h.BaselineYears / 100m;
            var certified = state.Terms.Enterprises[0];
            return cap == certified.Cap!.Amount && baseline == certified.Baselines[Cit] && certified.Cap.Derived!.Certified;
        });
}
