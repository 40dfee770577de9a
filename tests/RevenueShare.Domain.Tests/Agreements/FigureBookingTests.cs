using System.Globalization;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// Figure reports booked through Decide and Apply (docs/allocation.md, docs/corrections.md), on the
/// worked examples of docs/allocation.md: vat at O 60 / H 40 under a cap of 500.00, cit at 50 / 50 above
/// an annual baseline of 1000.00.
/// </summary>
public sealed class FigureBookingTests
{
    private static readonly Principal Tax = Principal.Tax;

    private static readonly FigureReport[] WorkedExample =
    [
        Report("tax-vat-01", "vat", "2025-01", 600.00m),
        Report("tax-vat-02", "vat", "2025-02", 400.00m),
        Report("tax-vat-03", "vat", "2025-03", 100.00m),
        Report("tax-cit-01", "cit", "2025-01", 600.00m),
        Report("tax-cit-02", "cit", "2025-02", 600.00m),
        Report("tax-cit-03", "cit", "2025-03", -100.00m),
    ];

    [Fact]
    public void A_batch_books_one_event_with_the_allocations_of_the_worked_examples()
    {
        var decision = Decide(Approved(), Book(Tax, WorkedExample));

        var booked = Assert.IsType<FiguresBooked>(Single(decision));
        Assert.Equal(
            "2025-01 vat O +360.00 H +240.00; 2025-01 cit O 0.00 H +600.00; " +
            "2025-02 vat O +140.00 H +260.00; 2025-02 cit O +100.00 H +500.00; " +
            "2025-03 vat O 0.00 H +100.00; 2025-03 cit O -50.00 H -50.00",
            Render(booked.Entries.Select(e => e.Change)));
        Assert.All(booked.Entries, e => Assert.Equal(AllocationChangeKind.Allocation, e.Change.Kind));
        Assert.All(booked.Entries, e => Assert.Equal($"tax-{e.Change.Line.Indicator}-{e.Change.Line.Month.Month:00}", e.Cause));
        Assert.Equal<FigureReport>(WorkedExample, booked.Reports);
        Assert.All(decision.Outcomes, o => Assert.Equal(ReportStatus.Booked, o.Status));
    }

    [Fact]
    public void January_and_February_carry_the_cap_used_and_the_year_to_date_into_March()
    {
        var state = Accept(Approved(), Book(Tax, [.. WorkedExample.Where(r => r.Month < Month("2025-03"))]));
        var enterprise = state.Rules.Enterprises.Single();

        var carry = state.Books[enterprise.Id].CarryInto(Month("2025-03"), state.Rules, enterprise);

        // vat moved 360.00 + 140.00 to O and met the cap of 500.00; cit reported 600.00 + 600.00 toward its baseline of 1000.00.
        Assert.Equal(500.00m, carry.Transferred);
        Assert.Equal(new Dictionary<string, decimal> { ["cit"] = 1200.00m }, carry.YearToDate.ToDictionary(t => t.Key.Code, t => t.Value));
    }

    [Fact]
    public void March_booked_after_January_and_February_books_what_the_whole_batch_books_for_March()
    {
        var state = Accept(Approved(), Book(Tax, [.. WorkedExample.Where(r => r.Month < Month("2025-03"))]));

        var decision = Decide(state, Book(Tax, [.. WorkedExample.Where(r => r.Month == Month("2025-03"))]));

        Assert.Equal(
            "2025-03 vat O 0.00 H +100.00; 2025-03 cit O -50.00 H -50.00",
            Render(Assert.IsType<FiguresBooked>(Single(decision)).Entries.Select(e => e.Change)));
    }

    [Fact]
    public void The_same_batch_again_is_all_duplicates_and_books_nothing()
    {
        var state = Accept(Approved(), Book(Tax, WorkedExample));

        var decision = Decide(state, Book(Tax, WorkedExample));

        Assert.Empty(decision.Events);
        Assert.Null(decision.Rejection);
        Assert.Equal(WorkedExample.Select(r => (r.ReportId, ReportStatus.Duplicate)), decision.Outcomes.Select(o => (o.ReportId, o.Status)));
    }

    [Theory]
    // What changes in the report sent again under the reportId "tax-vat-01" (vat 2025-01 600.00 revision 1).
    [InlineData("amount")]
    [InlineData("month")]
    [InlineData("indicator")]
    [InlineData("revision")]
    public void The_same_report_id_with_other_content_is_refused(string change)
    {
        var state = Accept(Approved(), Book(Tax, WorkedExample));
        var original = WorkedExample[0];
        var reused = change switch
        {
            "amount" => original with { Amount = 600.01m },
            "month" => original with { Month = Month("2025-04") },
            "indicator" => original with { Indicator = Catalogue.Indicator("cit") },
            _ => original with { Revision = 2 },
        };

        var decision = Decide(state, Book(Tax, reused));

        Assert.Empty(decision.Events);
        var outcome = Assert.Single(decision.Outcomes);
        Assert.Equal((ReportStatus.Rejected, RejectionCode.ReportIdReused), (outcome.Status, outcome.Rejection?.Code));
        Assert.Contains("tax-vat-01", outcome.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restating_january_to_500_books_the_adjustments_of_the_worked_example()
    {
        var state = Accept(Approved(), Book(Tax, WorkedExample));

        var entries = Entries(Decide(state, Book(Tax, Report("tax-vat-01-r2", "vat", "2025-01", 500.00m, revision: 2))));

        Assert.Equal("2025-01 vat O -60.00 H -40.00; 2025-02 vat O +60.00 H -60.00", Render(entries.Select(e => e.Change)));
        Assert.All(entries, e => Assert.Equal((AllocationChangeKind.Adjustment, "tax-vat-01-r2"), (e.Change.Kind, e.Cause)));
        Assert.Equal([300.00m, 200.00m, 200.00m, 200.00m], entries.Select(e => e.Change.Line.Amount));
    }

    [Theory]
    // reportId, month, revision → outcome against the worked example booked at revision 1.
    [InlineData("tax-vat-01-again", "2025-01", 1, "RevisionOutOfOrder")]
    [InlineData("tax-vat-01-r0", "2025-01", 0, "RevisionOutOfOrder")]
    [InlineData("tax-vat-04-r3", "2025-04", 3, "RevisionOutOfOrder")]
    [InlineData("tax-vat-04-r2", "2025-04", 2, "RevisionOutOfOrder")]
    [InlineData("tax-vat-01-r3", "2025-01", 3, "Booked")]
    [InlineData("tax-vat-04", "2025-04", 1, "Booked")]
    public void A_revision_must_follow_the_one_booked(string reportId, string month, int revision, string expected)
    {
        var state = Accept(Approved(), Book(Tax, WorkedExample));

        var decision = Decide(state, Book(Tax, Report(reportId, "vat", month, 450.00m, revision)));

        Assert.Equal(expected, Status(Assert.Single(decision.Outcomes)));
        Assert.Equal(expected == "Booked" ? 1 : 0, decision.Events.Length);
    }

    [Theory]
    // now (UTC), month reported → outcome. Months close in China time (UTC+8).
    [InlineData("2025-03-31T15:00:00Z", "2025-03", "MonthNotOpen")]
    [InlineData("2025-03-31T15:59:59Z", "2025-03", "MonthNotOpen")]
    [InlineData("2025-03-31T16:00:00Z", "2025-03", "Booked")]
    [InlineData("2025-03-31T17:00:00Z", "2025-03", "Booked")]
    [InlineData("2025-03-31T17:00:00Z", "2025-04", "MonthNotOpen")]
    [InlineData("2025-03-31T15:00:00Z", "2025-02", "Booked")]
    public void A_month_is_open_for_figures_once_it_has_ended_in_china_time(string now, string month, string expected)
    {
        var decision = Decide(Approved(), Book(Tax, Report("tax-vat", "vat", month, 100.00m)), InstantPattern(now));

        Assert.Equal(expected, Status(Assert.Single(decision.Outcomes)));
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("AwaitingCountersign")]
    [InlineData("AwaitingApproval")]
    [InlineData("Withdrawn")]
    [InlineData("Rejected")]
    public void An_agreement_never_approved_takes_no_figures(string state)
    {
        var decision = Decide(InState(state, CappedProposal()), Book(Tax, WorkedExample[0]));

        Assert.Empty(decision.Events);
        Assert.Equal("MonthNotOpen", Status(Assert.Single(decision.Outcomes)));
    }

    [Theory]
    // reporter, indicator → outcome: tax figures come from tax, statistical figures from statistics.
    [InlineData("tax", "vat", "Booked")]
    [InlineData("tax", "industrial-output", "Forbidden")]
    [InlineData("statistics", "vat", "Forbidden")]
    [InlineData("statistics", "industrial-output", "Booked")]
    [InlineData("finance", "vat", "Forbidden")]
    [InlineData("H", "vat", "Forbidden")]
    [InlineData("tax", "pit", "NotCovered")]
    public void Only_the_office_of_an_indicators_family_reports_it(string reporter, string indicator, string expected)
    {
        var terms = Proposal(
            [O, H],
            Covered(),
            Split("vat", Step("2025-01", (O, 60m), (H, 40m))),
            Split("industrial-output", Step("2025-01", (O, 60m), (H, 40m))));

        var decision = Decide(InState("Running", terms), Book(Caller(reporter), Report("r-1", indicator, "2025-01", 100.0m)));

        Assert.Equal(expected, Status(Assert.Single(decision.Outcomes)));
    }

    [Fact]
    public void One_bad_report_in_a_batch_does_not_stop_the_good_ones()
    {
        var batch = new[]
        {
            Report("tax-vat-01", "vat", "2025-01", 600.00m),
            Report("tax-vat-02-r3", "vat", "2025-02", 400.00m, revision: 3),
            Report("tax-vat-06", "vat", "2025-06", 10.00m),
            Report("tax-cit-01", "cit", "2025-01", 600.00m),
        };

        var decision = Decide(Approved(), Book(Tax, batch));

        Assert.Equal<string>(["Booked", "RevisionOutOfOrder", "MonthNotOpen", "Booked"], decision.Outcomes.Select(Status));
        var booked = Assert.IsType<FiguresBooked>(Single(decision));
        Assert.Equal<string>(["tax-vat-01", "tax-cit-01"], booked.Reports.Select(r => r.ReportId));
        Assert.Equal("2025-01 vat O +360.00 H +240.00; 2025-01 cit O 0.00 H +600.00", Render(booked.Entries.Select(e => e.Change)));
    }

    [Fact]
    public void A_batch_that_books_nothing_persists_no_event()
    {
        var decision = Decide(Approved(), Book(Tax, Report("tax-vat-06", "vat", "2025-06", 10.00m)));

        Assert.Empty(decision.Events);
        Assert.Null(decision.Rejection);
    }

    [Theory]
    // month → outcome while suspended from 2025-04, and after resuming from 2025-05.
    [InlineData("2025-03", "Booked", "Booked")]
    [InlineData("2025-04", "MonthNotOpen", "MonthNotOpen")]
    [InlineData("2025-05", "MonthNotOpen", "Booked")]
    public void Suspended_months_are_refused_and_months_after_resuming_accepted(string month, string whileSuspended, string afterResuming)
    {
        var suspended = InState("Suspended", CappedProposal());
        var resumed = Accept(suspended, Command("resume", Principal.Finance));
        var report = Report("tax-vat", "vat", month, 100.00m);

        Assert.Equal(whileSuspended, Status(Assert.Single(Decide(suspended, Book(Tax, report)).Outcomes)));
        Assert.Equal(afterResuming, Status(Assert.Single(Decide(resumed, Book(Tax, report)).Outcomes)));
    }

    [Theory]
    // month → outcome after termination from 2025-04: the months before it stay open for late figures.
    [InlineData("2025-03", "Booked")]
    [InlineData("2025-04", "MonthNotOpen")]
    [InlineData("2025-05", "MonthNotOpen")]
    public void A_terminated_agreement_takes_figures_only_for_the_months_before_termination(string month, string expected)
    {
        var decision = Decide(InState("Terminated", CappedProposal()), Book(Tax, Report("tax-vat", "vat", month, 100.00m)));

        Assert.Equal(expected, Status(Assert.Single(decision.Outcomes)));
    }

    [Fact]
    public void Approving_an_amendment_books_adjustments_for_the_months_booked_from_its_month_on()
    {
        var state = Accept(Approved(), Book(Tax, CitFromJanuaryToMay()));
        state = Accept(state, Propose(Host, "2025-04", VatUnchanged(), Split("cit", Step("2025-04", (O, 20m), (H, 80m)))));
        state = Accept(state, Command("countersign-amendment", Origin));

        var approved = Assert.IsType<AmendmentApproved>(Single(Decide(state, Command("approve-amendment", Principal.Finance))));

        // cit above the 1000.00 baseline: April shares 400.00, May 200.00; 50/50 becomes 20/80.
        Assert.Equal("2025-04 cit O -120.00 H +120.00; 2025-05 cit O -60.00 H +60.00", Render(approved.Entries.Select(e => e.Change)));
        Assert.All(approved.Entries, e => Assert.Equal((AllocationChangeKind.Adjustment, "amendment 1"), (e.Change.Kind, e.Cause)));
    }

    [Fact]
    public void After_an_amendment_new_figures_are_allocated_by_its_terms()
    {
        var state = Accept(Approved(), Book(Tax, CitFromJanuaryToMay()));
        state = Accept(state, Propose(Host, "2025-04", VatUnchanged(), Split("cit", Step("2025-04", (O, 20m), (H, 80m)))));
        state = Accept(state, Command("countersign-amendment", Origin));
        state = Accept(state, Command("approve-amendment", Principal.Finance));

        var entries = Entries(Decide(state, Book(Tax, Report("tax-cit-04-r2", "cit", "2025-04", 500.00m, revision: 2))));

        // April restated from 400.00 to 500.00, all above the baseline: the 100.00 more is split 20/80, not 50/50.
        Assert.Equal("2025-04 cit O +20.00 H +80.00", Render(entries.Select(e => e.Change)));
    }

    [Fact]
    public void An_amendment_that_stops_sharing_an_indicator_reverses_its_allocations_from_its_month_on()
    {
        var state = Accept(Approved(), Book(Tax, CitFromJanuaryToMay()));
        state = Accept(state, Propose(Host, "2025-04", VatUnchanged()));
        state = Accept(state, Command("countersign-amendment", Origin));

        var approved = Assert.IsType<AmendmentApproved>(Single(Decide(state, Command("approve-amendment", Principal.Finance))));

        Assert.Equal("2025-04 cit O -200.00 H -200.00; 2025-05 cit O -100.00 H -100.00", Render(approved.Entries.Select(e => e.Change)));
        Assert.All(approved.Entries, e => Assert.Equal(0.00m, e.Change.Line.Amount));
    }

    [Fact]
    public void Figures_keep_booking_after_an_amendment_stopped_sharing_a_booked_indicator()
    {
        var state = Accept(Approved(), Book(Tax, CitFromJanuaryToMay()));
        state = Accept(state, Propose(Host, "2025-04", VatUnchanged()));
        state = Accept(state, Command("countersign-amendment", Origin));
        state = Accept(state, Command("approve-amendment", Principal.Finance));

        var decision = Decide(state, Book(Tax, Report("tax-vat-04", "vat", "2025-04", 100.00m), Report("tax-cit-06", "cit", "2025-05", 1.00m)));

        Assert.Equal<string>(["Booked", "NotCovered"], decision.Outcomes.Select(Status));
        Assert.Equal("2025-04 vat O +60.00 H +40.00", Render(Entries(decision).Select(e => e.Change)));
    }

    [Fact]
    public void Every_entry_ever_booked_sums_per_key_to_the_allocation_of_the_final_figures()
    {
        var history = new IAgreementCommand[]
        {
            Book(Tax, WorkedExample),
            Book(Tax, Report("tax-vat-01-r2", "vat", "2025-01", 500.00m, revision: 2), Report("tax-cit-04", "cit", "2025-04", 700.00m)),
            Book(Tax, Report("tax-cit-02-r2", "cit", "2025-02", 300.00m, revision: 2), Report("tax-vat-04", "vat", "2025-04", 50.00m)),
            Propose(Origin, "2025-03", Split("vat", Step("2025-03", (O, 70m), (H, 30m))), Split("cit", Step("2025-03", (O, 10m), (H, 90m)))),
            Command("countersign-amendment", Host),
            Command("approve-amendment", Principal.Finance),
            Book(Tax, Report("tax-vat-01-r3", "vat", "2025-01", 450.00m, revision: 3), Report("tax-cit-05", "cit", "2025-05", -40.00m)),
        };

        var state = Approved();
        var entries = new List<BookedEntry>();
        foreach (var command in history)
        {
            var decision = Decide(state, command);
            entries.AddRange(decision.Events.SelectMany(e => e switch
            {
                FiguresBooked booked => booked.Entries,
                AmendmentApproved amendment => amendment.Entries,
                _ => [],
            }));
            state = Accept(state, command);
        }

        var figures = state.Books.Values.SelectMany(b => b.CurrentFigures);
        var expected = AllocationEngine.Allocate(state.Rules, figures)
            .ToDictionary(l => (l.Enterprise, l.Indicator, l.Month, l.District), l => l.Amount);
        var booked = entries
            .GroupBy(e => (e.Change.Line.Enterprise, e.Change.Line.Indicator, e.Change.Line.Month, e.Change.Line.District))
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Change.Amount));
        Assert.Equal(expected.OrderBy(k => k.Key.ToString()), booked.OrderBy(k => k.Key.ToString()));
        Assert.Equal<string>(
            ["2025-01 vat 450.00", "2025-01 cit 600.00", "2025-02 vat 400.00", "2025-02 cit 300.00", "2025-03 vat 100.00", "2025-03 cit -100.00", "2025-04 vat 50.00", "2025-04 cit 700.00", "2025-05 cit -40.00"],
            figures.OrderBy(f => f.Month).ThenBy(f => f.Indicator.Code == "cit").Select(f => $"{MonthText(f.Month)} {f.Indicator} {f.Amount.ToString(CultureInfo.InvariantCulture)}"));
    }

    /// <summary>The agreement of the worked examples, approved.</summary>
    private static AgreementState Approved() => InState("Running", CappedProposal());

    private static AgreementTerms CappedProposal() => Proposal(
        [O, H],
        Covered(baselines: Baseline("cit", 1000.00m), cap: Cap("vat", 500.00m)),
        VatUnchanged(),
        Split("cit", Step("2025-01", (O, 50m), (H, 50m))));

    private static SharingTerm VatUnchanged() => Split("vat", Step("2025-01", (O, 60m), (H, 40m)));

    private static FigureReport[] CitFromJanuaryToMay() =>
    [
        Report("tax-cit-01", "cit", "2025-01", 600.00m),
        Report("tax-cit-02", "cit", "2025-02", 600.00m),
        Report("tax-cit-03", "cit", "2025-03", -100.00m),
        Report("tax-cit-04", "cit", "2025-04", 400.00m),
        Report("tax-cit-05", "cit", "2025-05", 200.00m),
    ];

    private static string Status(ReportOutcome outcome) =>
        outcome.Rejection?.Code.ToString() ?? outcome.Status.ToString();

    private static string MonthText(YearMonth month) => Domain.Reference.Months.Format(month);

    private static Instant InstantPattern(string text) => NodaTime.Text.InstantPattern.General.Parse(text).Value;
}
