namespace RevenueShare.Server.Api.Wire;

/// <summary>One history report: <see cref="Current"/> when it is the highest revision of its indicator and month.</summary>
public sealed record HistoryFigureView(string ReportId, string Indicator, string Month, string Amount, int Revision, bool Current);
