using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A booked entry and the report (or amendment) that caused it, as stored in the v1 JSON forms.</summary>
public sealed record BookedEntryWire(AllocationChangeWire Change, string Cause)
{
    public static IReadOnlyList<BookedEntryWire> Of(ImmutableArray<BookedEntry> entries) =>
        [.. entries.Select(e => new BookedEntryWire(AllocationChangeWire.Of(e.Change), e.Cause))];

    public static ImmutableArray<BookedEntry> ToDomain(IReadOnlyList<BookedEntryWire> entries, ReferenceData reference) =>
        [.. entries.Select(e => new BookedEntry(e.Change.ToDomain(reference), e.Cause))];
}
