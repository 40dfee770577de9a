using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Reference;

public sealed class DistrictCodeTests
{
    [Theory]
    [InlineData("440106", "")]
    [InlineData("999999", "")]
    [InlineData(null, "A district code is 6 ASCII digits (e.g. 440106); got ''.")]
    [InlineData("", "A district code is 6 ASCII digits (e.g. 440106); got ''.")]
    [InlineData("44010", "A district code is 6 ASCII digits (e.g. 440106); got '44010'.")]
    [InlineData("4401060", "A district code is 6 ASCII digits (e.g. 440106); got '4401060'.")]
    [InlineData("44010a", "A district code is 6 ASCII digits (e.g. 440106); got '44010a'.")]
    [InlineData("４４０１０６", "A district code is 6 ASCII digits (e.g. 440106); got '４４０１０６'.")]
    public void A_code_parses_only_as_six_ascii_digits(string? text, string expectedError)
    {
        var parsed = DistrictCode.TryParse(text, out var code, out var error);

        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError.Length == 0, parsed);
        Assert.Equal(parsed ? text : string.Empty, code.ToString());
    }

    [Fact]
    public void A_code_of_the_right_shape_need_not_be_in_the_catalogue()
    {
        Assert.True(Catalogue.Guangzhou.TryGetDistrict(DistrictCode.Parse("440106"), out var tianhe));
        Assert.Equal("440106", tianhe.Code);
        Assert.False(Catalogue.Guangzhou.TryGetDistrict(DistrictCode.Parse("999999"), out _));
    }

    [Fact]
    public void Codes_order_as_their_text_does_ordinally()
    {
        string[] texts = ["440118", "440103", "440115", "440106"];

        Assert.Equal(texts.Order(StringComparer.Ordinal), texts.Select(DistrictCode.Parse).Order().Select(c => c.Value));
        Assert.True(DistrictCode.Parse("440103") < DistrictCode.Parse("440106"));
    }
}
