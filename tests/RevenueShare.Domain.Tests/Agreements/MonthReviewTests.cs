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
/// Review of a month per family (docs/review.md) and the lock an approval puts on it
/// (docs/corrections.md), on the worked examples of docs/allocation.md: vat at O 60 / H 40 under a cap
/// of 500.00, cit at 50 / 50 above an annual baseline of 1000.00, booked for 2025-01..2025-03.
/// </summary>
public sealed class MonthReviewTests
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

    [Theory]
    // caller, family, decision → outcome on a Running agreement, 2025-02 never reviewed.
    [InlineData("tax", "tax", "approve", "Approved")]
    [InlineData("tax", "tax", "dispute", "Disputed")]
    [InlineData("statistics", "statistics", "approve", "Approved")]
    [InlineData("statistics", "tax", "approve", "Forbidden")]
    [InlineData("tax", "statistics", "approve", "Forbidden")]
    [InlineData("finance", "tax", "approve", "Forbidden")]
    [InlineData("O", "tax", "approve", "Forbidden")]
    [InlineData("H", "statistics", "approve", "Forbidden")]
    [InlineData("outsider", "tax", "approve", "Forbidden")]
    [InlineData("tax", "tax", "reopen", "TriggerNotAllowed")]
    public void Only_the_family_office_reviews_its_months(string caller, string family, string decision, string expected)
    {
        var state = Booked();

        var outcome = Outcome(state, Review(Caller(caller), "2025-02", Family(family), Parse(decision)));

        Assert.Equal(expected, outcome);
    }

    [Theory]
    // history of decisions on 2025-02 (tax), then the decision → outcome.
    [InlineData("", "approve", "Approved")]
    [InlineData("", "dispute", "Disputed")]
    [InlineData("", "reopen", "TriggerNotAllowed")]
    [InlineData("approve", "approve", "TriggerNotAllowed")]
    [InlineData("approve", "dispute", "TriggerNotAllowed")]
    [InlineData("approve", "reopen", "Reopened")]
    [InlineData("dispute", "approve", "Approved")]
    [InlineData("dispute", "dispute", "Disputed")]
    [InlineData("dispute", "reopen", "TriggerNotAllowed")]
    [InlineData("approve,reopen", "approve", "Approved")]
    [InlineData("approve,reopen", "dispute", "Disputed")]
    [InlineData("approve,reopen", "reopen", "TriggerNotAllowed")]
    public void Approve_dispute_and_reopen_follow_the_review_status(string history, string decision, string expected)
    {
        var state = Booked();
        foreach (var earlier in history.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            state = Accept(state, Review(Tax, "2025-02", IndicatorFamily.Tax, Parse(earlier)));
        }

        Assert.Equal(expected, Outcome(state, Review(Tax, "2025-02", IndicatorFamily.Tax, Parse(decision))));
    }

    [Theory]
    // state, month, decision, reason → outcome.
    [InlineData("AwaitingApproval", "2025-02", "approve", null, "TriggerNotAllowed")]
    [InlineData("Draft", "2025-02", "approve", null, "TriggerNotAllowed")]
    [InlineData("Running", "2024-12", "approve", null, "MonthNotOpen")]
    [InlineData("Running", "2028-01", "approve", null, "MonthNotOpen")]
    [InlineData("Running", "2025-06", "approve", null, "MonthNotOpen")]
    [InlineData("Running", "2025-05", "approve", null, "Approved")]
    [InlineData("Running", "2025-05", "dispute", null, "Invalid")]
    [InlineData("Running", "2025-05", "dispute", "  ", "Invalid")]
    [InlineData("Running", "2025-05", "dispute", "vat 2025-05 missing", "Disputed")]
    [InlineData("Suspended", "2025-02", "approve", null, "Approved")]
    [InlineData("Terminated", "2025-02", "approve", null, "Approved")]
    public void A_month_is_reviewed_once_the_agreement_is_approved_and_the_month_has_ended(string agreement, string month, string decision, string? reason, string expected)
    {
        var state = InState(agreement, CappedProposal());

        Assert.Equal(expected, Outcome(state, new ReviewMonth(AgreementId.Parse(Id), Tax, Month(month), IndicatorFamily.Tax, Parse(decision), reason)));
    }

    [Fact]
    public void A_reason_is_required_to_reopen_and_is_recorded()
    {
        var state = Accept(Booked(), Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Approve));

        var missing = Refusal(Decide(state, Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Reopen, reason: null)));
        var reviewed = Assert.IsType<MonthReviewed>(Single(Decide(state, Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Reopen))));

        Assert.Equal((RejectionCode.Invalid, "$.reason"), (missing.Code, missing.Path));
        Assert.Equal((Month("2025-02"), IndicatorFamily.Tax, ReviewDecision.Reopen, Reason, Principal.Tax), (reviewed.Month, reviewed.Family, reviewed.Decision, reviewed.Reason, reviewed.By));
        Assert.IsAssignableFrom<IReasonedEvent>(reviewed);
    }

    [Theory]
    // restatement of (indicator, month, amount) with 2025-02 tax approved → how it reaches 2025-02.
    [InlineData("vat", "2025-02", 450.00, "directly")]
    [InlineData("vat", "2025-01", 500.00, "through the cap")]
    [InlineData("cit", "2025-01", 700.00, "through the baseline")]
    public void A_restatement_that_would_change_a_locked_month_is_refused_naming_it(string indicator, string month, decimal amount, string how)
    {
        var state = Accept(Booked(), Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Approve));

        var decision = Decide(state, Book(Tax, Report($"tax-{indicator}-{month}-r2", indicator, month, amount, revision: 2)));

        Assert.Empty(decision.Events);
        var outcome = Assert.Single(decision.Outcomes);
        Assert.Equal((ReportStatus.Rejected, RejectionCode.Locked), (outcome.Status, outcome.Rejection?.Code));
        Assert.Contains("2025-02 (tax) is approved in review; reopen it first", outcome.Rejection!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-01 (tax)", outcome.Rejection.Message, StringComparison.Ordinal);
        Assert.NotNull(how);
    }

    [Fact]
    public void A_restatement_that_leaves_the_locked_month_alone_books()
    {
        var state = Accept(Booked(), Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Approve));

        // The cap is used up by February: a March restatement changes March only.
        var entries = Entries(Decide(state, Book(Tax, Report("tax-vat-03-r2", "vat", "2025-03", 150.00m, revision: 2))));

        Assert.Equal("2025-03 vat H +50.00", Render(entries.Select(e => e.Change)));
    }

    [Fact]
    public void A_lock_is_per_family()
    {
        var state = Accept(Booked(), Review(Principal.Statistics, "2025-02", IndicatorFamily.Statistics, ReviewDecision.Approve));

        var decision = Decide(state, Book(Tax, Report("tax-vat-02-r2", "vat", "2025-02", 450.00m, revision: 2)));

        Assert.Equal(ReportStatus.Booked, Assert.Single(decision.Outcomes).Status);
    }

    [Fact]
    public void Another_enterprise_of_the_same_batch_still_books()
    {
        var other = Covered(OtherEnterprise, cap: Cap("vat", 500.00m));
        var terms = CappedProposal() with { Enterprises = [Covered(baselines: Baseline("cit", 1000.00m), cap: Cap("vat", 500.00m)), other] };
        var state = Accept(InState("Running", terms), Book(Tax, WorkedExample));
        state = Accept(state, Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Approve));

        var decision = Decide(state, Book(
            Tax,
            Report("tax-vat-01-r2", "vat", "2025-01", 500.00m, revision: 2),
            Report("tax-cit-03-r2", "cit", "2025-03", 0.00m, revision: 2),
            new FigureReport("other-vat-03", OtherEnterprise, Catalogue.Indicator("vat"), Month("2025-03"), 100.00m, 1)));

        Assert.Equal(
            ["Rejected Locked", "Rejected Locked", "Booked "],
            decision.Outcomes.Select(o => $"{o.Status} {o.Rejection?.Code}"));
        var booked = Assert.IsType<FiguresBooked>(Single(decision));
        Assert.Equal(["other-vat-03"], booked.Reports.Select(r => r.ReportId));
        Assert.All(booked.Entries, e => Assert.Equal(OtherEnterprise, e.Change.Line.Enterprise));
        Assert.Equal("2025-03 vat O +60.00 H +40.00", Render(booked.Entries.Select(e => e.Change)));
    }

    [Fact]
    public void After_reopening_the_restatement_books_adjustments_and_the_month_can_be_approved_again()
    {
        var restatement = Book(Tax, Report("tax-vat-01-r2", "vat", "2025-01", 500.00m, revision: 2));
        var state = Accept(Booked(), Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Approve));
        Assert.Equal(ReportStatus.Rejected, Assert.Single(Decide(state, restatement).Outcomes).Status);

        state = Accept(state, Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Reopen));
        Assert.False(state.IsLocked(Month("2025-02"), IndicatorFamily.Tax));
        var entries = Entries(Decide(state, restatement));
        state = Accept(state, restatement);
        state = Accept(state, Review(Tax, "2025-02", IndicatorFamily.Tax, ReviewDecision.Approve));

        Assert.Equal("2025-01 vat O -60.00 H -40.00; 2025-02 vat O +60.00 H -60.00", Render(entries.Select(e => e.Change)));
        Assert.All(entries, e => Assert.Equal(AllocationChangeKind.Adjustment, e.Change.Kind));
        Assert.True(state.IsLocked(Month("2025-02"), IndicatorFamily.Tax));
        Assert.Equal(ReviewStatus.Approved, state.ReviewOf(Month("2025-02"), IndicatorFamily.Tax));
    }

    [Fact]
    public void A_first_report_for_a_locked_month_is_refused_too()
    {
        var state = Accept(InState("Running", CappedProposal()), Review(Tax, "2025-04", IndicatorFamily.Tax, ReviewDecision.Approve));

        var outcome = Assert.Single(Decide(state, Book(Tax, Report("tax-vat-04", "vat", "2025-04", 10.00m))).Outcomes);

        Assert.Equal(RejectionCode.Locked, outcome.Rejection?.Code);
    }

    [Theory]
    // month reviewed (decision), amendment from → outcome.
    [InlineData("2025-04", "approve", "2025-04", "TriggerNotAllowed")]
    [InlineData("2025-04", "approve", "2025-03", "TriggerNotAllowed")]
    [InlineData("2025-04", "dispute", "2025-04", "TriggerNotAllowed")]
    [InlineData("2025-04", "approve", "2025-05", "Proposed")]
    public void An_amendment_takes_effect_after_every_reviewed_month(string reviewed, string decision, string from, string expected)
    {
        var state = Accept(InState("Running"), new ReviewMonth(AgreementId.Parse(Id), Tax, Month(reviewed), IndicatorFamily.Tax, Parse(decision), Reason));

        var result = Decide(state, Propose(Origin, from, Split("vat,cit", Step(from, (O, 50m), (H, 50m)))));

        if (expected == "Proposed")
        {
            Assert.IsType<AmendmentProposed>(Single(result));
            return;
        }

        var refusal = Refusal(result);
        Assert.Equal((expected, "$.from"), (refusal.Code.ToString(), refusal.Path));
        Assert.Contains(reviewed, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approving_an_amendment_that_would_change_a_locked_month_is_refused_naming_it()
    {
        var state = Accept(InState("Running"), Book(Tax, Report("tax-vat-04", "vat", "2025-04", 100.00m)));
        state = Accept(state, Command("propose-amendment", Origin));
        state = Accept(state, Command("countersign-amendment", Host));
        state = Accept(state, Review(Tax, "2025-04", IndicatorFamily.Tax, ReviewDecision.Approve));

        var refusal = Refusal(Decide(state, Command("approve-amendment", Principal.Finance)));

        Assert.Equal(RejectionCode.Locked, refusal.Code);
        Assert.Contains("2025-04 (tax)", refusal.Message, StringComparison.Ordinal);
        state = Accept(state, Review(Tax, "2025-04", IndicatorFamily.Tax, ReviewDecision.Reopen));
        Assert.IsType<AmendmentApproved>(Single(Decide(state, Command("approve-amendment", Principal.Finance))));
    }

    [Fact]
    public void Replay_rebuilds_the_review_status()
    {
        var events = new List<IAgreementEvent>();
        var state = Booked();
        foreach (var decision in new[] { ReviewDecision.Approve, ReviewDecision.Reopen, ReviewDecision.Dispute })
        {
            var @event = Single(Decide(state, Review(Tax, "2025-03", IndicatorFamily.Tax, decision)));
            events.Add(@event);
            state = state.Apply(@event);
        }

        Assert.Equal(ReviewStatus.Disputed, Apply(Booked(), events).ReviewOf(Month("2025-03"), IndicatorFamily.Tax));
        Assert.Null(state.ReviewOf(Month("2025-03"), IndicatorFamily.Statistics));
    }

    private static AgreementState Booked() => Accept(InState("Running", CappedProposal()), Book(Tax, WorkedExample));

    private static AgreementTerms CappedProposal() => Proposal(
        [O, H],
        Covered(baselines: Baseline("cit", 1000.00m), cap: Cap("vat", 500.00m)),
        Split("vat", Step("2025-01", (O, 60m), (H, 40m))),
        Split("cit", Step("2025-01", (O, 50m), (H, 50m))));

    private static ReviewMonth Review(Principal by, string month, IndicatorFamily family, ReviewDecision decision, string? reason = Reason) =>
        new(AgreementId.Parse(Id), by, Month(month), family, decision, reason);

    private static ReviewDecision Parse(string decision) => Enum.Parse<ReviewDecision>(decision, ignoreCase: true);

    private static IndicatorFamily Family(string family) => Enum.Parse<IndicatorFamily>(family, ignoreCase: true);

    /// <summary>The review status after the command, or the code of its refusal.</summary>
    private static string Outcome(AgreementState state, ReviewMonth review)
    {
        var decision = Decide(state, review);
        if (decision.Rejection is { } rejection)
        {
            return rejection.Code.ToString();
        }

        var after = Apply(state, decision.Events);
        return after.ReviewOf(review.Month, review.Family)!.Value.ToString();
    }
}
