using RevenueShare.Domain.Agreements;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// What an agreement covers, for the overlap check of docs/agreements.md, Coverage: each enterprise and
/// indicator of the terms in force, from month to month. The agreement is effective 2025-01..2027-12 and
/// shares vat and cit of one enterprise.
/// </summary>
public sealed class AgreementCoverageTests
{
    [Fact]
    public void A_plain_agreement_covers_each_indicator_over_its_effective_period()
    {
        var state = InState("Running");

        Assert.Equal(
            ["vat 2025-01..2027-12", "cit 2025-01..2027-12"],
            Rows(AgreementCoverage.Of(state.Rules, state.Terms.Effective)));
    }

    [Fact]
    public void An_amendment_adding_an_indicator_covers_it_from_the_amendments_month()
    {
        var state = Accept(InState("Running"), Propose(Origin, "2025-07", Split("vat,cit,pit", Step("2025-07", (O, 50m), (H, 50m)))));
        state = Accept(state, Command("countersign-amendment", Host));
        state = Accept(state, Command("approve-amendment", Principal.Finance));

        Assert.Equal(
            ["vat 2025-01..2025-06", "cit 2025-01..2025-06", "vat 2025-07..2027-12", "cit 2025-07..2027-12", "pit 2025-07..2027-12"],
            Rows(AgreementCoverage.Of(state.Rules, state.Terms.Effective)));
    }

    [Theory]
    // terminated from → rows: the coverage ends the month before.
    [InlineData("2025-04", "vat 2025-01..2025-03; cit 2025-01..2025-03")]
    [InlineData("2025-02", "vat 2025-01..2025-01; cit 2025-01..2025-01")]
    [InlineData("2027-12", "vat 2025-01..2027-11; cit 2025-01..2027-11")]
    public void A_terminated_agreement_covers_up_to_the_month_before_termination(string from, string expected)
    {
        var state = Accept(InState("Running"), Fire(LifecycleTrigger.Terminate, Principal.Finance, Reason, from));

        Assert.Equal(expected, string.Join("; ", Rows(AgreementCoverage.Of(state.Rules, state.Terms.Effective, state.TerminatedFrom))));
    }

    [Fact]
    public void Termination_before_an_amendments_month_drops_the_amendments_coverage()
    {
        var state = Accept(InState("Running"), Propose(Origin, "2025-07", Split("vat,cit,pit", Step("2025-07", (O, 50m), (H, 50m)))));
        state = Accept(state, Command("countersign-amendment", Host));
        state = Accept(state, Command("approve-amendment", Principal.Finance));
        state = Accept(state, Fire(LifecycleTrigger.Terminate, Principal.Finance, Reason, "2025-05"));

        Assert.Equal(
            ["vat 2025-01..2025-04", "cit 2025-01..2025-04"],
            Rows(AgreementCoverage.Of(state.Rules, state.Terms.Effective, state.TerminatedFrom)));
    }

    [Fact]
    public void Every_item_names_the_covered_enterprise()
    {
        var state = InState("Running");

        Assert.All(AgreementCoverage.Of(state.Rules, state.Terms.Effective), item => Assert.Equal(Enterprise, item.Enterprise));
    }

    private static string[] Rows(IEnumerable<CoverageItem> items) =>
        [.. items.Select(i => $"{i.Indicator} {Domain.Reference.Months.Format(i.From)}..{Domain.Reference.Months.Format(i.To)}")];
}
