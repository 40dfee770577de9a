using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>factors-reported.v1</c>: the tax office reported an enterprise's apportionment factors of a year, with the adjustments a restatement caused.</summary>
public sealed record FactorsReportedWire(
    string AgreementId,
    FactorReportWire Report,
    IReadOnlyList<BookedEntryWire> Entries,
    Instant At,
    string By)
{
    public static FactorsReportedWire Of(FactorsReported e) => new(e.AgreementId.Value, FactorReportWire.Of(e.Report), BookedEntryWire.Of(e.Entries), e.At, e.By.ToString());

    public FactorsReported ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), Report.ToDomain(), BookedEntryWire.ToDomain(Entries, reference), At, Principal.Parse(By));
}
