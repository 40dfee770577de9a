using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A factor report as stored in <c>factors-reported.v1</c> and the head of <c>agreement-snapshot.v4</c>, parties by district code.</summary>
public sealed record FactorReportWire(string ReportId, string Enterprise, int Year, int Revision, IReadOnlyList<DistrictFactorsWire> Factors)
{
    public static FactorReportWire Of(FactorReport report) =>
        new(report.ReportId, report.Enterprise.Value, report.Year, report.Revision, [.. report.Factors.Select(DistrictFactorsWire.Of)]);

    public FactorReport ToDomain() => new(ReportId, CreditCode.Parse(Enterprise), Year, Revision, [.. Factors.Select(f => f.ToDomain()).OrderBy(f => f.District)]);
}
