using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>
/// The catalogues of docs/reference-data.md, as the tests need them: Guangzhou's eleven districts and
/// the six indicators in canonical order. The one copy of the reference data every test uses.
/// </summary>
internal static class Catalogue
{
    public static ReferenceData Guangzhou { get; } = new(
        [
            new District("440103", "荔湾区"),
            new District("440104", "越秀区"),
            new District("440105", "海珠区"),
            new District("440106", "天河区"),
            new District("440111", "白云区"),
            new District("440112", "黄埔区"),
            new District("440113", "番禺区"),
            new District("440114", "花都区"),
            new District("440115", "南沙区"),
            new District("440117", "从化区"),
            new District("440118", "增城区"),
        ],
        [
            new Indicator("vat", "增值税（地方分享部分）", IndicatorFamily.Tax, "yuan", 2, 0),
            new Indicator("cit", "企业所得税（地方分享部分）", IndicatorFamily.Tax, "yuan", 2, 1),
            new Indicator("pit", "个人所得税（地方分享部分）", IndicatorFamily.Tax, "yuan", 2, 2),
            new Indicator("industrial-output", "规上工业总产值", IndicatorFamily.Statistics, "10k yuan", 1, 3),
            new Indicator("value-added", "工业增加值", IndicatorFamily.Statistics, "10k yuan", 1, 4),
            new Indicator("operating-revenue", "营业收入", IndicatorFamily.Statistics, "10k yuan", 1, 5),
        ]);

    /// <summary>The entry of <paramref name="code"/>, which the domain's records carry instead of the code.</summary>
    public static Indicator Indicator(string code) => Guangzhou.Indicator(code);
}
