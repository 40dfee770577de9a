using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Settlement;

/// <summary>What <see cref="From"/> owes <see cref="To"/>: a gross amount or a netted transfer, at one scale.</summary>
public sealed record Obligation(DistrictCode From, DistrictCode To, decimal Amount);
