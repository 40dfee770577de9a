using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>report-history</c> between nodes: one agreement's history reports of a batch.</summary>
public sealed record ReportHistoryWire(string AgreementId, string By, IReadOnlyList<FigureReportWire> Reports)
{
    public static ReportHistoryWire Of(ReportHistory command) =>
        new(command.AgreementId.Value, command.By.ToString(), [.. command.Reports.Select(FigureReportWire.Of)]);

    public ReportHistory ToDomain(ReferenceData reference) =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), [.. Reports.Select(r => r.ToDomain(reference))]);
}
