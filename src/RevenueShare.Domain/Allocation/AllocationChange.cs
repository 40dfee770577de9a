namespace RevenueShare.Domain.Allocation;

// Line: the new line (carries the explanation); Amount: what is booked (the full amount for a new key, new-minus-old for a changed one).
public sealed record AllocationChange(AllocationLine Line, decimal Amount, AllocationChangeKind Kind);
