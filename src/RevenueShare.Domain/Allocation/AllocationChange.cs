namespace RevenueShare.Domain.Allocation;

/// <summary>
/// One entry to book. <see cref="Line"/> is the new line and carries the explanation;
/// <see cref="Amount"/> is what is booked: the full amount for a new key, new minus old for a changed one.
/// </summary>
public sealed record AllocationChange(AllocationLine Line, decimal Amount, AllocationChangeKind Kind);
