using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>From <see cref="From"/> on (until the next step), the percent each district receives.</summary>
public sealed record RatioStep(YearMonth From, ImmutableDictionary<DistrictCode, decimal> Ratios);
