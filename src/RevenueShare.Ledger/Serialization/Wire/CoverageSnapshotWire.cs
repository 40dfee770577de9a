using RevenueShare.Ledger.Coverage;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>coverage-snapshot.v1</c>: every agreement's current coverage.</summary>
public sealed record CoverageSnapshotWire(IReadOnlyList<CoverageGrantedWire> Grants)
{
    public static CoverageSnapshotWire Of(CoverageSnapshot snapshot) => new([.. snapshot.Grants.Select(CoverageGrantedWire.Of)]);

    public CoverageSnapshot ToDomain(ReferenceData reference) => new([.. Grants.Select(g => g.ToDomain(reference))]);
}
