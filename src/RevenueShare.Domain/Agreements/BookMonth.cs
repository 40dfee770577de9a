using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// One month of an enterprise's book: the current revision of each figure of the month and the current
/// allocation line of each figure and party. Small (at most one figure per indicator), so it is copied
/// whole when the month changes.
/// </summary>
public sealed record BookMonth(YearMonth Month, ImmutableArray<FigureReport> Figures, ImmutableArray<AllocationLine> Lines);
