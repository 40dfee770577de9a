using RevenueShare.Domain.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

public sealed class AgreementIdTests
{
    private const string Shape = "An agreement id reads GZ-<year>-<number> (four digits of year, at least four of number); got ";

    [Theory]
    [InlineData("GZ-2025-0001", "")]
    [InlineData("GZ-2025-12345", "")]
    [InlineData(null, "An agreement id is required.")]
    [InlineData("", "An agreement id is required.")]
    [InlineData("GZ-2025-1", Shape + "'GZ-2025-1'.")]
    [InlineData("GZ-25-0001", Shape + "'GZ-25-0001'.")]
    [InlineData("gz-2025-0001", Shape + "'gz-2025-0001'.")]
    [InlineData("GZ-2025_0001", Shape + "'GZ-2025_0001'.")]
    [InlineData("GZ-2025-00a1", Shape + "'GZ-2025-00a1'.")]
    [InlineData("GZ-2025-０００１", Shape + "'GZ-2025-０００１'.")]
    [InlineData("../etc", Shape + "'../etc'.")]
    public void An_id_parses_only_in_the_numbering_shape(string? text, string expectedError)
    {
        var parsed = AgreementId.TryParse(text, out var id, out var error);

        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError.Length == 0, parsed);
        Assert.Equal(parsed ? text : string.Empty, id.ToString());
    }

    [Fact]
    public void Of_writes_the_year_and_at_least_four_digits_of_number() =>
        Assert.Equal(["GZ-2025-0001", "GZ-2025-0042", "GZ-2026-12345"], new[] { AgreementId.Of(2025, 1), AgreementId.Of(2025, 42), AgreementId.Of(2026, 12345) }.Select(i => i.Value));

    [Fact]
    public void Ids_order_as_their_text_does_ordinally()
    {
        string[] texts = ["GZ-2026-0001", "GZ-2025-10000", "GZ-2025-0002", "GZ-2025-9999"];

        Assert.Equal(texts.Order(StringComparer.Ordinal), texts.Select(AgreementId.Parse).Order().Select(i => i.Value));
        Assert.True(AgreementId.Parse("GZ-2025-0002") < AgreementId.Parse("GZ-2025-0010"));
    }
}
