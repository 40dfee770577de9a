using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Reports;

/// <summary>
/// A hand-worked month, 2026-03. Agreement A (O 440106, H 440112) covers E1 (registered in H) and E2
/// (registered in O) for vat (60/40 to the registered district), cit, and industrial-output in
/// double-count mode; B covers one enterprise for vat only. Figures: vat E1 1000.00, E2 500.00; cit
/// 300.00 in all, but only 299.99 allocated (a defect, to be shown); industrial-output E1 123.4, E2
/// never reported; B's vat 80.00, all kept by H.
/// </summary>
public sealed class ReconciliationTests
{
    private const string A = "GZ-2026-0001";
    private const string B = "GZ-2026-0002";
    private static readonly ReferenceData Reference = Catalogue.Guangzhou;
    private static readonly NodaTime.YearMonth March = Month("2026-03");
    private static readonly CreditCode E1 = Codes.Code("91440112MA5D0000A");
    private static readonly CreditCode E2 = Codes.Code("91440106MA5D0000B");
    private static readonly CreditCode E3 = Codes.Code("91440112MA5D0000C");

    private static readonly FigureTotal[] Figures =
    [
        new(AgreementId.Parse(A), "vat", H, 100000, 1),
        new(AgreementId.Parse(A), "vat", O, 50000, 1),
        new(AgreementId.Parse(A), "cit", H, 20000, 1),
        new(AgreementId.Parse(A), "cit", O, 10000, 1),
        new(AgreementId.Parse(A), "industrial-output", H, 1234, 1),
        new(AgreementId.Parse(B), "vat", H, 8000, 1),
    ];

    private static readonly AllocationTotal[] Allocations =
    [
        // vat: E1's 1000.00 is 600.00 for H and 400.00 for O; E2's 500.00 is 300.00 for O and 200.00 for H; B's 80.00 stays in H.
        new("vat", O, H, false, 40000),
        new("vat", O, O, false, 30000),
        new("vat", H, H, false, 68000),
        new("vat", H, O, false, 20000),

        // cit: a cent short of the 300.00 reported.
        new("cit", O, H, false, 8000),
        new("cit", H, H, false, 11999),
        new("cit", O, O, false, 10000),

        // industrial-output, double-count: H is credited the whole 123.4, O the same again as a credit.
        new("industrial-output", H, H, false, 1234),
        new("industrial-output", O, H, true, 1234),
    ];

    private static readonly ReconciledAgreement[] Open =
    [
        new(AgreementId.Parse(A), [E2, E1], [.. new[] { "vat", "cit", "industrial-output" }.Select(Reference.Indicator)]),
        new(AgreementId.Parse(B), [E3], [Reference.Indicator("vat")]),
    ];

    private static readonly FamilyReview[] Decided = [new(AgreementId.Parse(A), IndicatorFamily.Tax, ReviewStatus.Approved)];

    private static readonly Dictionary<AgreementId, IReadOnlySet<(string Enterprise, string Indicator)>> Reported = new()
    {
        [AgreementId.Parse(A)] = new HashSet<(string, string)> { (E1.Value, "vat"), (E2.Value, "vat"), (E1.Value, "cit"), (E2.Value, "cit"), (E1.Value, "industrial-output") },
    };

    private static Reconciliation AsFinance { get; } = Reconciliation.Of(March, Reference.Indicators, Open, Figures, Allocations, Decided, Reported);

    [Theory]
    // Reported 1580.00 = allocated 1580.00; per district O 400.00 + 300.00, H 600.00 + 200.00 + B's 80.00.
    [InlineData("vat", "1580.00", "1580.00", "0.00", "440106=700.00 440112=880.00", null, null)]
    // The difference is shown, never hidden.
    [InlineData("cit", "300.00", "299.99", "0.01", "440106=180.00 440112=119.99", null, null)]
    [InlineData("pit", "0.00", "0.00", "0.00", "", null, null)]
    // The double-count credit of O is in no total: allocated, assessment and published are H's 123.4 only.
    [InlineData("industrial-output", "123.4", "123.4", "0.0", "440112=123.4", "440112=123.4", "440106=123.4")]
    [InlineData("value-added", "0.0", "0.0", "0.0", "", "", "")]
    public void Each_indicator_shows_reported_allocated_and_their_difference_at_its_scale(
        string indicator, string reported, string allocated, string difference, string districts, string? published, string? doubleCount)
    {
        var line = AsFinance.Indicators.Single(i => i.Indicator.Code == indicator);

        Assert.Equal(
            (reported, allocated, difference, districts, published, published is null ? null : districts, doubleCount),
            (Text(line.Reported, line), Text(line.Allocated, line), Text(line.Difference, line), Text(line.Districts, line),
                Text(line.Published, line), Text(line.Assessment, line), Text(line.DoubleCount, line)));
    }

    [Fact]
    public void Indicators_are_listed_in_catalogue_order_and_only_those_asked_for()
    {
        Assert.Equal(Reference.Indicators.Select(i => i.Code), AsFinance.Indicators.Select(i => i.Indicator.Code));

        var statistical = Reference.Indicators.Where(i => i.Family == IndicatorFamily.Statistics).ToArray();
        var asStatistics = Reconciliation.Of(March, statistical, Open, Figures, Allocations, Decided, Reported);
        Assert.Equal(["industrial-output", "value-added", "operating-revenue"], asStatistics.Indicators.Select(i => i.Indicator.Code));
    }

    [Fact]
    public void Only_an_agreement_short_of_figures_is_read_figure_by_figure()
    {
        // A has one industrial-output figure for two enterprises; B has its one vat figure.
        Assert.Equal<AgreementId>([AgreementId.Parse(A)], Reconciliation.ShortOfFigures(Open, Figures));

        // Reported holds no keys for B: were B read, Of would fail.
        Assert.Equal([$"{A} {E2} industrial-output"], AsFinance.Missing.Select(m => $"{m.Agreement} {m.Enterprise} {m.Indicator.Code}"));
    }

    [Fact]
    public void Missing_reports_follow_the_enterprises_in_code_order_then_the_catalogue()
    {
        var nothing = new Dictionary<AgreementId, IReadOnlySet<(string, string)>> { [AgreementId.Parse(A)] = new HashSet<(string, string)>() };
        var reconciliation = Reconciliation.Of(March, Reference.Indicators, [Open[0]], [], [], [], nothing);

        Assert.Equal(
            [$"{E2} vat", $"{E2} cit", $"{E2} industrial-output", $"{E1} vat", $"{E1} cit", $"{E1} industrial-output"],
            reconciliation.Missing.Select(m => $"{m.Enterprise} {m.Indicator.Code}"));
    }

    [Theory]
    // Finance: each family A's terms cover, tax approved and statistics undecided; B covers tax only.
    [InlineData("finance", $"{A} Tax Approved|{A} Statistics none|{B} Tax none", $"{A} {{E2}} industrial-output")]
    // The statistics bureau sees its own family only: no tax review, and B, tax only, not at all.
    [InlineData("statistics", $"{A} Statistics none", $"{A} {{E2}} industrial-output")]
    public void Reviews_and_missing_reports_are_of_the_families_the_caller_sees(string caller, string reviews, string missing)
    {
        var indicators = caller == "finance" ? Reference.Indicators : [.. Reference.Indicators.Where(i => i.Family == IndicatorFamily.Statistics)];
        var open = Open.Select(a => a with { Covered = [.. a.Covered.Where(indicators.Contains)] }).ToArray();
        var reconciliation = Reconciliation.Of(March, indicators, open, Figures, Allocations, Decided, Reported);

        Assert.Equal(reviews, string.Join("|", reconciliation.Reviews.Select(r => $"{r.Agreement} {r.Family} {r.Status?.ToString() ?? "none"}")));
        Assert.Equal(missing.Replace("{E2}", E2.Value, StringComparison.Ordinal), string.Join("|", reconciliation.Missing.Select(m => $"{m.Agreement} {m.Enterprise} {m.Indicator.Code}")));
    }

    [Theory]
    // docs/reconciliation.md: only an agreement active in the month is reconciled.
    [InlineData("Running", "2025-03", "vat cit")]
    [InlineData("Running", "2028-01", null)]
    [InlineData("Draft", "2025-03", null)]
    [InlineData("AwaitingApproval", "2025-03", null)]
    [InlineData("Suspended", "2025-03", "vat cit")]
    [InlineData("Suspended", "2025-04", null)]
    [InlineData("Terminated", "2025-04", null)]
    public void An_agreement_takes_part_with_the_indicators_its_terms_cover_only_while_open(string state, string month, string? covered)
    {
        var part = ReconciledAgreement.OpenFor(AgreementHistory.InState(state), Month(month), Reference.Indicators);

        Assert.Equal(covered, part is null ? null : string.Join(" ", part.Covered.Select(i => i.Code)));
        Assert.True(part is null || part.Enterprises.SequenceEqual([Enterprise]));
    }

    private static string Text(decimal amount, IndicatorReconciliation line) => Amounts.Format(amount, line.Indicator.Scale);

    private static string? Text(IReadOnlyDictionary<DistrictCode, decimal>? amounts, IndicatorReconciliation line) =>
        amounts is null ? null : string.Join(" ", amounts.Select(a => $"{a.Key}={Text(a.Value, line)}"));
}
