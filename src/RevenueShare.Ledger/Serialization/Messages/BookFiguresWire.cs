using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>book-figures</c> between nodes: one agreement's reports of a batch.</summary>
public sealed record BookFiguresWire(string AgreementId, string By, IReadOnlyList<FigureReportWire> Reports)
{
    public static BookFiguresWire Of(BookFigures command) =>
        new(command.AgreementId.Value, command.By.ToString(), [.. command.Reports.Select(FigureReportWire.Of)]);

    public BookFigures ToDomain(ReferenceData reference) =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), [.. Reports.Select(r => r.ToDomain(reference))]);
}
