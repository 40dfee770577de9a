using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An allocation or adjustment of a line, as stored in the v1 JSON forms.</summary>
public sealed record AllocationChangeWire(AllocationLineWire Line, decimal Amount, string Kind)
{
    public static AllocationChangeWire Of(AllocationChange change) =>
        new(AllocationLineWire.Of(change.Line), change.Amount, WireNames.ChangeKind.Name(change.Kind));

    public AllocationChange ToDomain(ReferenceData reference) => new(Line.ToDomain(reference), Amount, WireNames.ChangeKind.Parse(Kind));
}
