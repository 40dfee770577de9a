using System.Collections.Immutable;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.History;

/// <summary>
/// The history of one indicator of an enterprise as certified: the current figure of each month of the
/// windows its derived amounts need, in month order, with the reportIds they were reported under. It is
/// frozen: a later restatement of the history is kept, and changes nothing certified.
/// </summary>
public sealed record CertifiedHistory(Indicator Indicator, ImmutableArray<FigureReport> Figures);
