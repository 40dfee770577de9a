namespace RevenueShare.Domain.Allocation;

public enum AllocationChangeKind { Allocation, Adjustment }
