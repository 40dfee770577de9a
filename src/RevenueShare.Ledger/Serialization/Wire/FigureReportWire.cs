using NodaTime;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A figure report as stored in <c>figures-booked.v1</c> and <c>agreement-snapshot.v1</c>.</summary>
public sealed record FigureReportWire(string ReportId, string Enterprise, string Indicator, YearMonth Month, decimal Amount, int Revision)
{
    public static FigureReportWire Of(FigureReport report) =>
        new(report.ReportId, report.Enterprise.Value, report.Indicator.Code, report.Month, report.Amount, report.Revision);

    public FigureReport ToDomain(ReferenceData reference) => new(ReportId, CreditCode.Parse(Enterprise), WireIndicators.Resolve(reference, Indicator), Month, Amount, Revision);
}
