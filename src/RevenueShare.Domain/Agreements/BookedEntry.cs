using RevenueShare.Domain.Allocation;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// An entry booked in the ledger: an allocation (a first figure's part) or an adjustment (new minus
/// old, after a restatement or an amendment). <see cref="Cause"/> is the report that booked it, or for
/// an adjustment the restated report (or <c>amendment N</c>) that made the figure's allocation change.
/// </summary>
public sealed record BookedEntry(AllocationChange Change, string Cause);
