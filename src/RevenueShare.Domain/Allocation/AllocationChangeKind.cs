namespace RevenueShare.Domain.Allocation;

/// <summary>
/// <see cref="Allocation"/>: the first line booked for a key; <see cref="Adjustment"/>: new minus old
/// for a key whose amount changed (docs/corrections.md: history is never edited).
/// </summary>
public enum AllocationChangeKind
{
    Allocation,
    Adjustment,
}
