using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// Formula shares through Decide and Apply (docs/allocation.md, Formula shares), on its worked example:
/// O 天河 is the head office keeping 50 %, H 黄埔 (registered) and T 番禺 host branches; cit follows the
/// factors of the year before at weights 35 / 35 / 30, vat is split 60 / 20 / 20 by a schedule.
/// </summary>
public sealed class FactorReportingTests
{
    private static readonly SharingTerm Formula = new(
        [Catalogue.Indicator("cit")], AllocationMode.Formula, [], new FormulaShares(O, 50m, new ApportionmentFactors(35m, 35m, 30m)));

    private static readonly AgreementTerms Terms = Proposal([O, H, T], Covered(), Formula, Split("vat", Step("2025-01", (O, 60m), (H, 20m), (T, 20m))));

    /// <summary>The worked example's factors of 2024: O 0 / 200.00 / 100.00, H 600.00 / 300.00 / 600.00, T 400.00 / 500.00 / 300.00.</summary>
    private static readonly FactorReport Factors2024 = Factors("fac-2024", 2024, 1, (O, 0m, 200m, 100m), (H, 600m, 300m, 600m), (T, 400m, 500m, 300m));

    private static FactorReport Factors(string reportId, int year, int revision, params (DistrictCode District, decimal Revenue, decimal Payroll, decimal Assets)[] parties) =>
        new(reportId, Enterprise, year, revision, [.. parties.Select(p => new DistrictFactors(p.District, new ApportionmentFactors(p.Revenue, p.Payroll, p.Assets))).OrderBy(f => f.District)]);

    private static ReportFactors Report(FactorReport report, Principal? by = null) => new(AgreementId.Parse(Id), by ?? Principal.Tax, report);

    private static AgreementState Running() => InState("Running", Terms);

    [Fact]
    public void The_worked_example_splits_cit_of_March_2025_by_the_factors_of_2024()
    {
        var state = Accept(Running(), Report(Factors2024));

        var decision = Decide(state, Book(Principal.Tax, AgreementHistory.Report("tax-cit-2025-03", "cit", "2025-03", 1000.00m)));

        var entries = Entries(decision);
        Assert.Equal("2025-03 cit O +550.00 H +247.50 T +202.50", Render(entries.Select(e => e.Change)));
        Assert.Equal([55.00m, 24.75m, 20.25m], entries.Select(e => e.Change.Line.Ratio));
    }

    [Fact]
    public void The_factors_set_the_ratios_only_of_the_year_after()
    {
        var state = Accept(Running(), Report(Factors2024));

        var refused = Decide(state, Book(Principal.Tax, AgreementHistory.Report("tax-cit-2024", "cit", "2025-03", 1000.00m) with { Month = Month("2026-01") }), Now.Plus(NodaTime.Duration.FromDays(300)));

        var rejection = Assert.Single(refused.Outcomes).Rejection!;
        Assert.Equal(RejectionCode.FactorsMissing, rejection.Code);
        Assert.Contains("factors of 2025", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_without_the_factors_of_the_year_before_is_refused_naming_the_year()
    {
        var decision = Decide(Running(), Book(Principal.Tax, AgreementHistory.Report("tax-cit-2025-03", "cit", "2025-03", 1000.00m), AgreementHistory.Report("tax-vat-2025-03", "vat", "2025-03", 100.00m)));

        var rejected = decision.Outcomes.Single(o => o.ReportId == "tax-cit-2025-03");
        Assert.Equal(ReportStatus.Rejected, rejected.Status);
        Assert.Equal(RejectionCode.FactorsMissing, rejected.Rejection!.Code);
        Assert.Equal($"The ratios of cit for 2025 come from the apportionment factors of 2024, and no factors of 2024 are reported for {Enterprise}: tax reports them first.", rejected.Rejection.Message);
        Assert.Equal(ReportStatus.Booked, decision.Outcomes.Single(o => o.ReportId == "tax-vat-2025-03").Status);
    }

    [Fact]
    public void A_restated_year_of_factors_adjusts_the_figures_it_set_the_ratios_of()
    {
        var state = Accept(Accept(Running(), Report(Factors2024)), Book(Principal.Tax, AgreementHistory.Report("tax-cit-2025-03", "cit", "2025-03", 1000.00m)));

        // Equal factors give each branch a third of the remaining 50: 16.67 / 16.67 / 16.66, the first listed taking the leftover cents.
        var decision = Decide(state, Report(Factors("fac-2024-r2", 2024, 2, (O, 100m, 100m, 100m), (H, 100m, 100m, 100m), (T, 100m, 100m, 100m))));

        var reported = Assert.IsType<FactorsReported>(Single(decision));
        Assert.Equal("2025-03 cit O +116.70 H -80.80 T -35.90", Render(reported.Entries.Select(e => e.Change)));
        Assert.All(reported.Entries, e => Assert.Equal("fac-2024-r2", e.Cause));
        Assert.All(reported.Entries, e => Assert.Equal(AllocationChangeKind.Adjustment, e.Change.Kind));
        var after = Apply(state, decision.Events);
        Assert.Equal(2, after.Rules.Factors[(Enterprise, 2024)].Revision);
        Assert.Equal([666.70m, 166.70m, 166.60m], after.Books[Enterprise].Lines.Select(l => l.Amount));
    }

    [Fact]
    public void The_first_report_of_a_year_books_no_entries()
    {
        var reported = Assert.IsType<FactorsReported>(Single(Decide(Running(), Report(Factors2024))));

        Assert.Empty(reported.Entries);
        Assert.Equal(ReportStatus.Booked, Assert.Single(Decide(Running(), Report(Factors2024)).Outcomes).Status);
    }

    [Fact]
    public void The_same_report_again_is_a_duplicate_and_books_nothing()
    {
        var state = Accept(Running(), Report(Factors2024));

        var decision = Decide(state, Report(Factors("fac-2024", 2024, 1, (T, 400m, 500m, 300m), (H, 600m, 300m, 600m), (O, 0m, 200m, 100m))));

        Assert.Empty(decision.Events);
        Assert.Null(decision.Rejection);
        Assert.Equal(ReportStatus.Duplicate, Assert.Single(decision.Outcomes).Status);
    }

    public static TheoryData<string, string, RejectionCode, string?> Refusals => new()
    {
        { "the same reportId with other factors", "reused", RejectionCode.ReportIdReused, "$.reportId" },
        { "the reportId of a figure report", "figure id", RejectionCode.ReportIdReused, "$.reportId" },
        { "revision 1 again", "revision 1 again", RejectionCode.RevisionOutOfOrder, "$.revision" },
        { "a first report at revision 2", "first at 2", RejectionCode.RevisionOutOfOrder, "$.revision" },
        { "statistics reporting factors", "statistics", RejectionCode.Forbidden, null },
        { "a district that is no party", "outsider", RejectionCode.Invalid, "$.factors.440104" },
        { "a party left out", "missing party", RejectionCode.Invalid, "$.factors" },
        { "factors of 2027, which would set the ratios of 2028", "2027", RejectionCode.Invalid, "$.year" },
        { "an enterprise the agreement does not cover", "other enterprise", RejectionCode.NotCovered, "$.enterprise" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_report_that_breaks_a_rule_is_refused_and_changes_nothing(string because, string variant, RejectionCode code, string? path)
    {
        var state = Accept(Accept(Running(), Report(Factors2024)), Book(Principal.Tax, AgreementHistory.Report("tax-vat-2025-03", "vat", "2025-03", 100.00m)));
        var again = Factors2024 with { ReportId = "fac-2024-again" };
        var command = variant switch
        {
            "reused" => Report(Factors2024 with { Revision = 2, Factors = [.. Factors2024.Factors.Select(f => f with { Factors = f.Factors with { Assets = 1m } })] }),
            "figure id" => Report(again with { ReportId = "tax-vat-2025-03", Revision = 2 }),
            "revision 1 again" => Report(again),
            "first at 2" => Report(again with { Year = 2025, Revision = 2 }),
            "statistics" => Report(again with { Year = 2025 }, Principal.Statistics),
            "outsider" => Report(again with { Year = 2025, Factors = Factors2024.Factors.Add(new DistrictFactors(DistrictCode.Parse("440104"), default)) }),
            "missing party" => Report(again with { Year = 2025, Factors = [.. Factors2024.Factors.Where(f => f.District != T)] }),
            "2027" => Report(again with { Year = 2027 }),
            "other enterprise" => Report(again with { Enterprise = OtherEnterprise }),
            _ => throw new ArgumentException(variant, nameof(variant)),
        };

        var rejection = Refusal(Decide(state, command));

        Assert.True(rejection.Code == code, $"{because}: {rejection.Code} {rejection.Message}");
        Assert.Equal(path, rejection.Path);
    }

    [Fact]
    public void Factors_are_refused_in_a_draft_and_for_an_agreement_without_a_formula_term()
    {
        Assert.Equal(RejectionCode.TriggerNotAllowed, Refusal(Decide(InState("Draft", Terms), Report(Factors2024))).Code);
        Assert.Equal(RejectionCode.NotCovered, Refusal(Decide(InState("Running", Proposal(3)), Report(Factors2024))).Code);
        Assert.Equal(ReportStatus.Booked, Assert.Single(Decide(InState("AwaitingCountersign", Terms), Report(Factors2024)).Outcomes).Status);
    }

    [Fact]
    public void A_restatement_that_would_change_an_approved_month_is_refused_naming_it()
    {
        var state = Accept(Accept(Running(), Report(Factors2024)), Book(Principal.Tax, AgreementHistory.Report("tax-cit-2025-03", "cit", "2025-03", 1000.00m)));
        state = Accept(state, new ReviewMonth(AgreementId.Parse(Id), Principal.Tax, Month("2025-03"), IndicatorFamily.Tax, ReviewDecision.Approve, null));

        var rejection = Refusal(Decide(state, Report(Factors("fac-2024-r2", 2024, 2, (O, 1m, 1m, 1m), (H, 1m, 1m, 1m), (T, 1m, 1m, 1m)))));

        Assert.Equal(RejectionCode.Locked, rejection.Code);
        Assert.Contains("2025-03 (tax) is approved in review", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amendment_to_formula_mode_over_booked_figures_waits_for_their_factors()
    {
        var state = Accept(InState("Running", Proposal(3)), Book(Principal.Tax, AgreementHistory.Report("tax-cit-2025-03", "cit", "2025-03", 1000.00m)));
        state = Accept(state, Propose(Origin, "2025-03", Formula, Split("vat", Step("2025-03", (O, 60m), (H, 20m), (T, 20m)))));
        state = Accept(Accept(state, FireAmendment(LifecycleTrigger.CountersignAmendment, Host)), FireAmendment(LifecycleTrigger.CountersignAmendment, Third));

        var refused = Refusal(Decide(state, FireAmendment(LifecycleTrigger.ApproveAmendment, Principal.Finance)));
        Assert.Equal(RejectionCode.FactorsMissing, refused.Code);
        Assert.Contains("factors of 2024", refused.Message, StringComparison.Ordinal);

        state = Accept(state, Report(Factors2024));
        var approved = Assert.IsType<AmendmentApproved>(Single(Decide(state, FireAmendment(LifecycleTrigger.ApproveAmendment, Principal.Finance))));
        Assert.Equal("2025-03 cit O +216.70 H -85.80 T -130.90", Render(approved.Entries.Select(e => e.Change)));
    }
}
