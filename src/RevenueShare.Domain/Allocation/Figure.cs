using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Allocation;

/// <summary>The current revision of one reported figure: what the engine allocates.</summary>
public sealed record Figure(CreditCode Enterprise, Indicator Indicator, YearMonth Month, decimal Amount);
