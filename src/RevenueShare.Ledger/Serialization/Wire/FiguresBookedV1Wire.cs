using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The stored form of <c>figures-booked.v1</c>: a batch of reports and the entries they caused, every
/// row an object with named members. No longer written (figures-booked.v2 replaced it), still read.
/// </summary>
public sealed record FiguresBookedV1Wire(
    string AgreementId,
    IReadOnlyList<FigureReportWire> Reports,
    IReadOnlyList<BookedEntryWire> Entries,
    Instant At,
    string By)
{
    public FiguresBooked ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), [.. Reports.Select(r => r.ToDomain(reference))], BookedEntryWire.ToDomain(Entries, reference), At, Principal.Parse(By));
}
