using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>report-factors</c> between nodes: an enterprise's apportionment factors of a year, reported by tax.</summary>
public sealed record ReportFactorsWire(string AgreementId, string By, FactorReportWire Report)
{
    public static ReportFactorsWire Of(ReportFactors command) => new(command.AgreementId.Value, command.By.ToString(), FactorReportWire.Of(command.Report));

    public ReportFactors ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), Report.ToDomain());
}
