using NodaTime;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementDocuments;

namespace RevenueShare.Domain.Tests.Documents;

public sealed class AmendmentReaderTests
{
    private static readonly YearMonth From = new(2028, 1);

    private static AgreementTerms Agreement()
    {
        Assert.True(AgreementDocumentReader.TryRead(Valid(), Catalogue.Guangzhou, out var terms, out var problems), string.Join("; ", problems));
        return terms;
    }

    private static TermDocument[] NewTerms(string firstFrom = "2028-01") =>
    [
        new TermDocument(["vat", "cit", "pit"], null, [Step(firstFrom, "30", "70"), Step("2030-01", "20", "80")]),
        new TermDocument(["industrial-output"], "double-count", [Step(firstFrom, "100", "0")]),
    ];

    [Fact]
    public void Valid_amendment_terms_are_read_in_order()
    {
        Assert.True(
            AgreementDocumentReader.TryReadAmendment(NewTerms(), "$.terms", From, Agreement(), Catalogue.Guangzhou, out var terms, out var problems),
            string.Join("; ", problems));

        Assert.Empty(problems);
        Assert.Equal(2, terms.Length);
        Assert.Equal<string>(["vat", "cit", "pit"], terms[0].Indicators.Select(i => i.Code));
        Assert.Equal(AllocationMode.Split, terms[0].Mode);
        Assert.Equal([From, new YearMonth(2030, 1)], terms[0].Schedule.Select(s => s.From));
        Assert.Equal(80m, terms[0].Schedule[1].Ratios[DistrictCode.Parse(Huangpu)]);
        Assert.Equal(AllocationMode.DoubleCount, terms[1].Mode);
    }

    [Theory]
    [InlineData("2026-01")]
    [InlineData("2027-12")]
    [InlineData("2028-02")]
    public void The_first_step_must_start_at_the_amendments_from(string firstFrom)
    {
        Assert.False(AgreementDocumentReader.TryReadAmendment(NewTerms(firstFrom), "$.terms", From, Agreement(), Catalogue.Guangzhou, out var terms, out var problems));

        Assert.True(terms.IsEmpty);
        Assert.Equal(["$.terms[0].schedule[0].from", "$.terms[1].schedule[0].from"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Contains($"must start at the amendment's from (2028-01); got {firstFrom}", p.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2025, 12)]
    [InlineData(2031, 1)]
    public void The_amendments_from_must_lie_within_the_effective_period(int year, int month)
    {
        var from = new YearMonth(year, month);
        var firstFrom = Months.Format(from);

        Assert.False(AgreementDocumentReader.TryReadAmendment(NewTerms(firstFrom), "$.amendment.terms", from, Agreement(), Catalogue.Guangzhou, out _, out var problems));

        var problem = problems[0];
        Assert.Equal("$.amendment.from", problem.Path);
        Assert.Contains("outside the effective period 2026-01 to 2030-12", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratios_are_held_against_the_agreements_parties_and_paths_start_at_the_prefix()
    {
        var terms = NewTerms();
        terms[1] = terms[1] with { Schedule = [Step("2028-01", (Tianhe, "50"), ("440113", "50"))] };

        Assert.False(AgreementDocumentReader.TryReadAmendment(terms, "$.amendment.terms", From, Agreement(), Catalogue.Guangzhou, out _, out var problems));

        Assert.Equal(["$.amendment.terms[1].schedule[0].ratios.440113", "$.amendment.terms[1].schedule[0].ratios"], problems.Select(p => p.Path));
        Assert.Contains("not a party", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Party 440112 has no percent", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_steps_must_stay_within_the_effective_period()
    {
        var terms = NewTerms();
        terms[0] = terms[0] with { Schedule = [Step("2028-01", "30", "70"), Step("2031-01", "20", "80")] };

        Assert.False(AgreementDocumentReader.TryReadAmendment(terms, "$.terms", From, Agreement(), Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.terms[0].schedule[1].from", problem.Path);
    }

    [Fact]
    public void The_term_rules_of_an_agreement_apply()
    {
        TermDocument?[] terms =
        [
            new TermDocument(["vat"], "double-count", [Step("2028-01", "50", "49.99")]),
            new TermDocument(["vat"], null, [Step("2028-01", "50", "50")]),
        ];

        Assert.False(AgreementDocumentReader.TryReadAmendment(terms, "$.terms", From, Agreement(), Catalogue.Guangzhou, out _, out var problems));

        Assert.Equal(["$.terms[0].mode", "$.terms[0].schedule[0].ratios", "$.terms[1].indicators[0]"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Missing_terms_are_required()
    {
        Assert.False(AgreementDocumentReader.TryReadAmendment(null, "$.terms", From, Agreement(), Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.terms", problem.Path);
        Assert.Contains("is required", problem.Message, StringComparison.Ordinal);
    }
}
