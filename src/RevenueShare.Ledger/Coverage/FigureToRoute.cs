using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Coverage;

/// <summary>What the coverage registry needs of a report to route it: whose figure, of what, for which month.</summary>
public readonly record struct FigureToRoute(CreditCode Enterprise, Indicator Indicator, YearMonth Month);
