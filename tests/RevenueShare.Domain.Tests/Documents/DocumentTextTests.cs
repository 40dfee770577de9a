using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementDocuments;

namespace RevenueShare.Domain.Tests.Documents;

/// <summary>
/// The readers hold every stored text — a report id, an agreement's title, an enterprise's name — to
/// <see cref="TextRules"/>, each at its own path; the character and its position are in the message.
/// </summary>
public sealed class DocumentTextTests
{
    public static TheoryData<string, string, string> Hostile() => new()
    {
        { "vat\u0000-01", "U+0000", "4" },
        { "vat\n01", "U+000A", "4" },
        { "vat\u000701", "U+0007", "4" },
        { "vat-\u202E10", "U+202E", "5" },
        { "vat\u200B01", "U+200B", "4" },
        { "\uFEFFvat01", "U+FEFF", "1" },
        { " vat01", "U+0020", "1" },
        { "vat01 ", "U+0020", "6" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_report_id_with_a_hostile_character_is_refused_at_its_path(string reportId, string code, string position)
    {
        var document = new FigureReportDocument(reportId, Codes.First, "vat", "2026-03", "1.00", 1);

        Assert.False(FigureReportReader.TryRead(document, "$.reports[2]", Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.reports[2].reportId", problem.Path);
        Assert.Contains($"{code} at position {position}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_title_with_a_hostile_character_is_refused_at_its_path(string title, string code, string position)
    {
        Assert.False(AgreementDocumentReader.TryRead(Valid() with { Title = title }, Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.title", problem.Path);
        Assert.Contains($"{code} at position {position}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void An_enterprise_name_with_a_hostile_character_is_refused_at_its_path(string name, string code, string position)
    {
        Assert.False(AgreementDocumentReader.TryRead(WithEnterprise(e => e with { Name = name }), Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.enterprises[0].name", problem.Path);
        Assert.Contains($"{code} at position {position}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_bounded_like_titles()
    {
        var name = new string('名', AgreementDocumentReader.MaxNameLength + 1);

        Assert.False(AgreementDocumentReader.TryRead(WithEnterprise(e => e with { Name = name }), Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.enterprises[0].name", problem.Path);
        Assert.Equal($"name has {AgreementDocumentReader.MaxNameLength + 1} characters; at most {AgreementDocumentReader.MaxNameLength} are allowed.", problem.Message);
    }
}
