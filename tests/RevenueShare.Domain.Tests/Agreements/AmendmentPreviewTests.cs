using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// The preview of a pending amendment (docs/agreements.md, Amendments), worked by hand: O 60 / H 40 on
/// vat from 2025-01, vat of April 1,000.00 and of May 300.00 booked, then an amendment to 50 / 50 from
/// April. April moves from 600 / 400 to 500 / 500, May from 180 / 120 to 150 / 150: O gives up
/// 100 + 30 = 130.00 and H gains 130.00.
/// </summary>
public sealed class AmendmentPreviewTests
{
    private static AgreementState AwaitingApprovalWithTwoMonthsBooked()
    {
        var running = Accept(InState("Running"), Book(Principal.Tax, Report("r-04", "vat", "2025-04", 1000.00m), Report("r-05", "vat", "2025-05", 300.00m)));
        var proposed = Accept(running, Command("propose-amendment", Origin));
        return Accept(proposed, Command("countersign-amendment", Host));
    }

    [Fact]
    public void The_preview_sums_the_change_per_district_and_indicator()
    {
        var preview = AmendmentPreview.Of(AwaitingApprovalWithTwoMonthsBooked(), 1);

        Assert.NotNull(preview);
        Assert.Null(preview.Blocked);
        Assert.Equal(
            new[] { (O, "vat", -130.00m), (H, "vat", 130.00m) },
            preview.ByDistrictAndIndicator().Select(c => (c.District, c.Indicator.Code, c.Change)).ToArray());
        Assert.Equal(4, preview.Entries.Length); // two months, two parties
    }

    [Fact]
    public void Approval_books_exactly_the_entries_the_preview_showed()
    {
        var state = AwaitingApprovalWithTwoMonthsBooked();
        var preview = AmendmentPreview.Of(state, 1)!;

        var approved = Assert.IsType<AmendmentApproved>(Single(Decide(state, Command("approve-amendment", Principal.Finance))));

        Assert.Equal(preview.Entries.ToArray(), approved.Entries.ToArray());
    }

    [Fact]
    public void Previewing_changes_nothing()
    {
        var state = AwaitingApprovalWithTwoMonthsBooked();

        _ = AmendmentPreview.Of(state, 1);

        Assert.Equal(AgreementStatus.AmendmentAwaitingApproval, state.Status);
        Assert.Equal(AmendmentStatus.AwaitingApproval, state.PendingAmendment!.Status);
    }

    [Fact]
    public void An_amendment_that_is_not_pending_has_no_preview()
    {
        var state = AwaitingApprovalWithTwoMonthsBooked();

        Assert.Null(AmendmentPreview.Of(state, 2));
        Assert.Null(AmendmentPreview.Of(Accept(state, Command("approve-amendment", Principal.Finance)), 1));
    }

    [Fact]
    public void A_preview_over_a_month_approved_in_review_says_approval_would_be_refused()
    {
        var state = Accept(AwaitingApprovalWithTwoMonthsBooked(), new ReviewMonth(AgreementId.Parse(Id), Principal.Tax, Month("2025-04"), IndicatorFamily.Tax, ReviewDecision.Approve, null));

        var preview = AmendmentPreview.Of(state, 1)!;

        Assert.Equal(RejectionCode.Locked, preview.Blocked?.Code);
        Assert.Equal(RejectionCode.Locked, Refusal(Decide(state, Command("approve-amendment", Principal.Finance))).Code);
    }
}
