using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// History figures, derived caps and baselines and their certification through Decide and Apply
/// (docs/allocation.md, history and derived amounts), on the worked examples: an agreement effective
/// from 2026-01, O 天河 60 / H 黄埔 40, H registered.
/// </summary>
public sealed class HistoryCertificationTests
{
    /// <summary>2026-02-10 in Shanghai: every month up to 2026-01 has ended.</summary>
    private static readonly Instant Later = Instant.FromUtc(2026, 2, 10, 2, 0);

    private static readonly Indicator Vat = Catalogue.Indicator("vat");
    private static readonly Indicator Cit = Catalogue.Indicator("cit");

    /// <summary>The first example: a cap over vat and cit derived from the 3 years before 2026.</summary>
    private static readonly AgreementTerms CapTerms = Effective2026(Covered(cap: new EnterpriseCap([Vat, Cit], 0m, new Derivation(3, Certified: false))));

    /// <summary>The second example: a cit baseline derived from the 2 years before 2026.</summary>
    private static readonly AgreementTerms BaselineTerms = Effective2026(Covered() with
    {
        DerivedBaselines = ImmutableDictionary<Indicator, Derivation>.Empty.Add(Cit, new Derivation(2, Certified: false)),
    });

    private static AgreementTerms Effective2026(CoveredEnterprise enterprise) =>
        Proposal([O, H], enterprise, Split("vat,cit", Step("2026-01", (O, 60m), (H, 40m)))) with
        {
            Effective = new EffectivePeriod(Month("2026-01"), Month("2028-12")),
        };

    private static IEnumerable<YearMonth> MonthsOf(int fromYear, int toYear) =>
        Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(y => Enumerable.Range(1, 12).Select(m => new YearMonth(y, m)));

    private static FigureReport History(string indicator, YearMonth month, decimal amount, int revision = 1) =>
        new($"h-{indicator}-{Months.Format(month)}-r{revision}", Enterprise, Catalogue.Indicator(indicator), month, amount, revision);

    private static ReportHistory Report(Principal by, IEnumerable<FigureReport> reports) => new(AgreementId.Parse(Id), by, [.. reports]);

    private static ReportHistory Report(params FigureReport[] reports) => Report(Principal.Tax, reports);

    private static ReportHistory Report(IEnumerable<FigureReport> reports) => Report(Principal.Tax, reports);

    private static CertifyHistory Certify(Principal by, params string[] indicators) =>
        new(AgreementId.Parse(Id), by, Enterprise, [.. indicators.Select(Catalogue.Indicator)]);

    /// <summary>vat 100.00 and cit 50.00 in every month of 2023–2025, the first example's history.</summary>
    private static IEnumerable<FigureReport> CapHistory() =>
        MonthsOf(2023, 2025).SelectMany(m => new[] { History("vat", m, 100.00m), History("cit", m, 50.00m) });

    private static AgreementState Submitted(AgreementTerms terms) => InState("AwaitingCountersign", terms);

    [Fact]
    public void The_worked_example_certifies_a_three_year_cap_of_5400_00()
    {
        var state = Accept(Submitted(CapTerms), Report(CapHistory()), Later);

        var certified = Assert.IsType<HistoryCertified>(Single(Decide(state, Certify(Principal.Tax), Later)));

        Assert.Equal(new CertifiedAmount(null, 5400.00m), Assert.Single(certified.Amounts));
        Assert.Equal([Vat, Cit], certified.History.Select(h => h.Indicator));
        Assert.All(certified.History, h => Assert.Equal(MonthsOf(2023, 2025), h.Figures.Select(f => f.Month)));
        Assert.Equal("h-vat-2023-01-r1", certified.History[0].Figures[0].ReportId);
        var after = Apply(state, [certified]);
        var cap = after.Terms.Enterprises[0].Cap!;
        Assert.Equal((5400.00m, new Derivation(3, Certified: true)), (cap.Amount, cap.Derived));
        Assert.Equal([Vat, Cit], cap.Indicators.ToArray());
        Assert.Equal(after.Terms.Enterprises[0], after.Rules.Enterprises[0]);
    }

    [Fact]
    public void The_worked_example_certifies_a_two_year_baseline_of_12000_06()
    {
        var history = MonthsOf(2024, 2025).Select(m => History("cit", m, m.Year == 2024 ? 1000.00m : 1000.01m));
        var state = Accept(Submitted(BaselineTerms), Report(history), Later);

        var certified = Assert.IsType<HistoryCertified>(Single(Decide(state, Certify(Principal.Tax, "cit"), Later)));

        Assert.Equal(new CertifiedAmount(Cit, 12000.06m), Assert.Single(certified.Amounts));
        var after = Apply(state, [certified]);
        Assert.Equal(12000.06m, after.Terms.Enterprises[0].Baselines[Cit]);
        Assert.True(after.Terms.Enterprises[0].DerivedBaselines[Cit].Certified);
    }

    [Fact]
    public void Certification_lists_the_missing_months_of_each_indicator()
    {
        var gaps = CapHistory().Where(r => !(r.Indicator == Vat && r.Month == Month("2024-07")) && !(r.Indicator == Cit && r.Month >= Month("2025-11")));
        var state = Accept(Submitted(CapTerms), Report(gaps), Later);

        var refused = Refusal(Decide(state, Certify(Principal.Tax), Later));

        Assert.Equal(RejectionCode.HistoryIncomplete, refused.Code);
        Assert.Equal($"The history of {Enterprise} is incomplete, and every month of the derivation window needs a figure; missing: vat 2024-07; cit 2025-11..2025-12.", refused.Message);
    }

    [Fact]
    public void Approval_is_refused_while_a_derived_amount_is_uncertified_naming_the_enterprise_and_indicator()
    {
        var state = Accept(InState("AwaitingApproval", CapTerms), Report(CapHistory()), Later);

        var refused = Refusal(Decide(state, Command("approve", Principal.Finance), Later));

        Assert.Equal(RejectionCode.HistoryUncertified, refused.Code);
        Assert.Equal($"Enterprise {Enterprise}: the cap over vat, cit derives from its history of 2023 to 2025, and the history of vat, cit is not certified yet (tax certifies it).", refused.Message);
        var certified = Accept(state, Certify(Principal.Tax), Later);
        Assert.Equal(AgreementStatus.Running, Accept(certified, Command("approve", Principal.Finance), Later).Status);
    }

    [Fact]
    public void The_certified_cap_is_what_the_figures_are_capped_at()
    {
        var state = Accept(Accept(Accept(InState("AwaitingApproval", CapTerms), Report(CapHistory()), Later), Certify(Principal.Tax), Later), Command("approve", Principal.Finance), Later);

        var lines = Entries(Decide(state, Book(Principal.Tax, AgreementHistory.Report("vat-2026-01", "vat", "2026-01", 10_000.00m)), Later)).Select(e => e.Change.Line).ToList();

        // 60 % of 10,000.00 would be 6,000.00; the cap lets 5,400.00 go to O.
        Assert.Equal("2026-01 vat O 5400.00 H 4600.00", Render(lines));
        Assert.Equal(5400.00m, lines.Single(l => l.District == O).CapRemainingBefore);
    }

    [Fact]
    public void A_history_restatement_after_certification_is_recorded_and_changes_nothing_certified()
    {
        var state = Accept(Accept(Submitted(CapTerms), Report(CapHistory()), Later), Certify(Principal.Tax), Later);

        var after = Accept(state, Report(History("vat", Month("2024-03"), 999.00m, revision: 2)), Later);

        Assert.Equal(999.00m, after.HistoryOf(Enterprise, Vat, Month("2024-03")));
        Assert.Equal(5400.00m, after.Terms.Enterprises[0].Cap!.Amount);
        var again = Refusal(Decide(after, Certify(Principal.Tax, "vat"), Later));
        Assert.Equal(RejectionCode.TriggerNotAllowed, again.Code);
        Assert.Contains("frozen", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certification_belongs_to_the_office_of_the_family_and_to_the_time_before_approval()
    {
        var state = Accept(Submitted(CapTerms), Report(CapHistory()), Later);

        var otherFamily = Refusal(Decide(state, Certify(Principal.Statistics, "vat"), Later));
        Assert.Equal((RejectionCode.Forbidden, "$.indicators[0]"), (otherFamily.Code, otherFamily.Path));
        Assert.Equal(RejectionCode.TriggerNotAllowed, Refusal(Decide(state, Certify(Principal.Statistics), Later)).Code);
        Assert.Equal(RejectionCode.Forbidden, Refusal(Decide(state, Certify(Origin), Later)).Code);
        Assert.Equal((RejectionCode.Invalid, "$.indicators[0]"), (Refusal(Decide(Accept(Submitted(BaselineTerms), Report(CapHistory()), Later), Certify(Principal.Tax, "vat"), Later)) is var r ? (r.Code, r.Path) : default));
        Assert.Equal(RejectionCode.TriggerNotAllowed, Refusal(Decide(InState("Draft", CapTerms), Certify(Principal.Tax), Later)).Code);
    }

    [Fact]
    public void History_is_taken_from_submission_for_the_months_before_the_agreement_takes_effect()
    {
        var submitted = Submitted(CapTerms);

        Assert.Equal(new MonthRange(Month("2023-01"), Month("2025-12")), HistoryPeriod.Of(CapTerms));
        Assert.Equal(RejectionCode.TriggerNotAllowed, OnlyRejection(Decide(InState("Draft", CapTerms), Report(History("vat", Month("2025-01"), 1m)), Later)).Code);
        Assert.Equal((RejectionCode.Invalid, "month"), OnlyRejection(Decide(submitted, Report(History("vat", Month("2022-12"), 1m)), Later)) is var early ? (early.Code, early.Path) : default);
        Assert.Equal((RejectionCode.Invalid, "month"), OnlyRejection(Decide(submitted, Report(History("vat", Month("2026-01"), 1m)), Later)) is var effective ? (effective.Code, effective.Path) : default);
        Assert.Equal(RejectionCode.Forbidden, OnlyRejection(Decide(submitted, Report(Principal.Statistics, [History("vat", Month("2025-01"), 1m)]), Later)).Code);
        Assert.Equal(RejectionCode.RevisionOutOfOrder, OnlyRejection(Decide(submitted, Report(History("vat", Month("2025-01"), 1m, revision: 2)), Later)).Code);
        Assert.Equal(RejectionCode.NotCovered, OnlyRejection(Decide(submitted, Report(History("pit", Month("2025-01"), 1m)), Later)).Code);
    }

    [Fact]
    public void The_36_months_before_a_mid_year_start_and_a_derivation_window_further_back_are_both_history_months()
    {
        var terms = CapTerms with { Effective = new EffectivePeriod(Month("2026-03"), Month("2028-12")) };

        Assert.Equal(new MonthRange(Month("2023-01"), Month("2026-02")), HistoryPeriod.Of(terms));
        Assert.Equal(new MonthRange(Month("2023-03"), Month("2026-02")), HistoryPeriod.Of(terms with { Enterprises = [Covered()] }));
    }

    [Fact]
    public void A_history_report_again_is_a_duplicate_and_its_reportId_is_the_agreements_for_good()
    {
        var report = History("vat", Month("2025-01"), 1.00m);
        var state = Accept(Submitted(CapTerms), Report(report), Later);

        Assert.Equal(ReportStatus.Duplicate, Assert.Single(Decide(state, Report(report), Later).Outcomes).Status);
        Assert.Equal(RejectionCode.ReportIdReused, OnlyRejection(Decide(state, Report(report with { Amount = 2.00m }), Later)).Code);
        Assert.True(state.UsesReportId(report.ReportId));
    }

    private static Rejection OnlyRejection(Decision decision)
    {
        Assert.Empty(decision.Events);
        return Assert.Single(decision.Outcomes).Rejection!;
    }
}
