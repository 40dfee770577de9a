using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Reports;

/// <summary>
/// Hand-worked totals of 2026-01..03. Agreement A (O 440106, H 440112): vat of E1 (registered in H)
/// 1000.00, 60/40 to the registered district; vat of E2 (registered in O) 500.00, 60/40 likewise; a cit
/// refund of E1, −50.00, 60/40; industrial-output of E1 123.4 万元 in double-count mode; value-added of
/// E2 50.0 万元, 70/30. Agreement C: vat of an enterprise registered in T (440113), 300.00, all kept by T.
/// </summary>
public sealed class DistrictStatementTests
{
    private static readonly ReferenceData Reference = Catalogue.Guangzhou;

    private static readonly FigureTotal[] Figures =
    [
        new(AgreementId.Of(2026, 1), "vat", H, 100000, 3),
        new(AgreementId.Of(2026, 1), "vat", O, 50000, 3),
        new(AgreementId.Of(2026, 1), "cit", H, -5000, 1),
        new(AgreementId.Of(2026, 1), "industrial-output", H, 1234, 3),
        new(AgreementId.Of(2026, 1), "value-added", O, 500, 3),
        new(AgreementId.Of(2026, 3), "vat", T, 30000, 3),
    ];

    private static readonly AllocationTotal[] Allocations =
    [
        new("vat", O, H, false, 40000),
        new("vat", H, H, false, 60000),
        new("vat", O, O, false, 30000),
        new("vat", H, O, false, 20000),
        new("vat", T, T, false, 30000),
        new("cit", O, H, false, -2000),
        new("cit", H, H, false, -3000),
        new("industrial-output", H, H, false, 1234),
        new("industrial-output", O, H, true, 1234),
        new("value-added", O, O, false, 350),
        new("value-added", H, O, false, 150),
    ];

    [Theory]
    // O's own vat 500.00 gives 200.00 to H; it receives 400.00 of E1's: net 700.00, what was allocated to O.
    [InlineData("440106", "vat", "500.00", "200.00", "400.00", "700.00", "0.00")]
    [InlineData("440112", "vat", "1000.00", "400.00", "200.00", "800.00", "0.00")]
    // Figures registered elsewhere are no part of O's or H's statement, and T's own stay T's.
    [InlineData("440113", "vat", "300.00", "0.00", "0.00", "300.00", "0.00")]
    // A refund runs the same way, negative.
    [InlineData("440112", "cit", "-50.00", "-20.00", "0.00", "-30.00", "0.00")]
    [InlineData("440106", "cit", "0.00", "0.00", "-20.00", "-20.00", "0.00")]
    // The double-count credit is shown apart and is not in net: nothing was transferred.
    [InlineData("440106", "industrial-output", "0.0", "0.0", "0.0", "0.0", "123.4")]
    [InlineData("440112", "industrial-output", "123.4", "0.0", "0.0", "123.4", "0.0")]
    // 万元 at one decimal, never summed with the yuan of the same districts.
    [InlineData("440106", "value-added", "50.0", "15.0", "0.0", "35.0", "0.0")]
    [InlineData("440112", "value-added", "0.0", "0.0", "15.0", "15.0", "0.0")]
    [InlineData("440104", "vat", "0.00", "0.00", "0.00", "0.00", "0.00")]
    public void A_statement_line_shows_registered_transferred_out_received_and_net(
        string district, string indicator, string registered, string transferredOut, string received, string net, string doubleCount)
    {
        var line = Statement(district).Indicators.Single(l => l.Indicator.Code == indicator);

        Assert.Equal(
            (registered, transferredOut, received, net, doubleCount),
            (Text(line.Registered, line), Text(line.TransferredOut, line), Text(line.Received, line), Text(line.Net, line), Text(line.DoubleCount, line)));
    }

    [Theory]
    [InlineData("440106")]
    [InlineData("440104")]
    public void Every_indicator_has_a_line_in_catalogue_order_in_its_own_unit_and_scale(string district)
    {
        var statement = Statement(district);

        Assert.Equal(Reference.Indicators, statement.Indicators.Select(l => l.Indicator));
        Assert.All(statement.Indicators, l => Assert.All(
            new[] { l.Registered, l.TransferredOut, l.Received, l.Net, l.DoubleCount },
            amount => Assert.Equal(l.Indicator.Scale, amount.Scale)));
        Assert.Equal((district, Month("2026-01"), Month("2026-03")), (statement.District.Value, statement.From, statement.To));
    }

    private static DistrictStatement Statement(string district) =>
        DistrictStatement.Of(DistrictCode.Parse(district), Month("2026-01"), Month("2026-03"), Reference.Indicators, Figures, Allocations);

    private static string Text(decimal amount, StatementLine line) => Amounts.Format(amount, line.Indicator.Scale);
}
