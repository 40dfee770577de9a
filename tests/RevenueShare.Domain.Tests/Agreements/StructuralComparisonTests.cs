using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// The field-by-field comparison the recovery tests rely on (<see cref="Structural"/>) finds a difference
/// anywhere in a state and names where: without these, a comparison that saw nothing would prove nothing.
/// The state: a Running agreement (vat and cit at 60/40) with January booked, restated and reviewed.
/// </summary>
public sealed class StructuralComparisonTests
{
    private static readonly CreditCode Firm = Support.Agreements.Enterprise;

    [Fact]
    public void Two_replays_of_one_history_are_the_same_state()
    {
        Assert.Null(Structural.FirstDifference(Booked(), Booked()));
    }

    [Fact]
    public void An_amount_of_another_scale_is_a_difference_though_the_records_call_it_equal()
    {
        var booked = Booked();
        var book = booked.Books[Firm];
        var changed = booked with
        {
            Books = booked.Books.SetItem(Firm, EnterpriseBook.Of(booked.Reports, book.Figures, book.Lines.Select(l => l.District == O && l.Indicator.Code == "cit" ? l with { Amount = 180.0m } : l))),
        };

        Assert.Equal(booked.Books[Firm].Lines, changed.Books[Firm].Lines);
        Assert.Equal(
            $"$.Books[{Firm}].Months[0].Lines[cit 440106].Amount: expected 180.00, found 180.0",
            Structural.FirstDifference(booked, changed));
    }

    [Fact]
    public void An_indicator_equal_by_code_but_not_in_full_is_a_difference()
    {
        var booked = Booked();
        var renamed = Catalogue.Indicator("vat") with { Name = "增值税" };
        AgreementState CappedOver(Indicator indicator) =>
            booked with { Rules = booked.Rules with { Enterprises = [booked.Rules.Enterprises[0] with { Cap = new([indicator], 1m) }] } };

        Assert.Equal(Catalogue.Indicator("vat"), renamed);
        Assert.Equal(
            "$.Rules.Enterprises[0].Cap.Indicators[0].Name: expected 增值税（地方分享部分）, found 增值税",
            Structural.FirstDifference(CappedOver(Catalogue.Indicator("vat")), CappedOver(renamed)));
    }

    [Fact]
    public void A_missing_report_a_changed_review_and_a_changed_version_are_named_by_their_key()
    {
        var booked = Booked();

        Assert.Equal(
            "$.Reports[jan-cit]: expected, missing",
            Structural.FirstDifference(booked, booked with { Reports = ReportIndex.From(booked.Reports.Values.Where(r => r.ReportId != "jan-cit")) }));
        Assert.Equal(
            "$.Reviews[(2025-01, Tax)]: expected Approved, found Disputed",
            Structural.FirstDifference(booked, booked with { Reviews = booked.Reviews.SetItem((Month("2025-01"), IndicatorFamily.Tax), ReviewStatus.Disputed) }));
        Assert.Equal("$.Version: expected 7, found 9", Structural.FirstDifference(booked, booked with { Version = 9 }));
    }

    [Fact]
    public void The_order_of_signatures_counts_and_the_order_inside_a_month_of_a_book_does_not()
    {
        var booked = Booked();
        var book = booked.Books[Firm];
        var reordered = booked with { Books = booked.Books.SetItem(Firm, EnterpriseBook.Of(booked.Reports, book.Figures.Reverse(), book.Lines.Reverse())) };

        Assert.NotEqual(book.Months[0].Figures.Select(f => f.Indicator), reordered.Books[Firm].Months[0].Figures.Select(f => f.Indicator));
        Assert.Null(Structural.FirstDifference(booked, reordered));
        Assert.Equal(
            "$.Signatures[0].Value: expected 440106, found 440112",
            Structural.FirstDifference(booked, booked with { Signatures = [.. booked.Signatures.Reverse()] }));
    }

    [Fact]
    public void A_cap_remainder_that_is_gone_is_a_difference()
    {
        var capped = Run(
            Create(Proposal([O, H], Covered(cap: Cap("vat", 500.00m)), Split("vat", Step("2025-01", (O, 60m), (H, 40m))))),
            Command("submit", Origin),
            Command("countersign", Host),
            Command("approve", Principal.Finance),
            Book(Principal.Tax, Report("jan", "vat", "2025-01", 600.00m)));
        var book = capped.Books[Firm];
        var changed = capped with { Books = capped.Books.SetItem(Firm, EnterpriseBook.Of(capped.Reports, book.Figures, book.Lines.Select(l => l with { CapRemainingAfter = null }))) };

        Assert.Equal(
            $"$.Books[{Firm}].Months[0].Lines[vat 440106].CapRemainingAfter: expected 140.00, found null",
            Structural.FirstDifference(capped, changed));
    }

    /// <summary>Created, submitted, countersigned, approved, January of vat and cit booked in one batch, cit restated, January's tax approved in review: version 7.</summary>
    private static AgreementState Booked() => Accept(
        Accept(
            Accept(InState("Running"), Book(Principal.Tax, Report("jan-vat", "vat", "2025-01", 600.00m), Report("jan-cit", "cit", "2025-01", 200.00m))),
            Book(Principal.Tax, Report("jan-cit-2", "cit", "2025-01", 300.00m, revision: 2))),
        new ReviewMonth(AgreementId.Parse(Id), Principal.Tax, Month("2025-01"), IndicatorFamily.Tax, ReviewDecision.Approve, null));
}
