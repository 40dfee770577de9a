namespace RevenueShare.Server.Api.Wire;

public sealed record AllocationsResponse(IReadOnlyList<AllocationEntryView> Entries);
