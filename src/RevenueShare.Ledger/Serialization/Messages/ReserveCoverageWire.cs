using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>reserve-coverage</c> between nodes: what an agreement is to cover from now on.</summary>
public sealed record ReserveCoverageWire(string AgreementId, IReadOnlyList<CoverageItemWire> Items)
{
    public static ReserveCoverageWire Of(ReserveCoverage message) => new(message.AgreementId.Value, [.. message.Items.Select(CoverageItemWire.Of)]);

    public ReserveCoverage ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), [.. Items.Select(i => i.ToDomain(reference))]);
}
