namespace RevenueShare.Server.Api.Wire;

/// <summary>A covered enterprise and indicator of an agreement open for the month, with no figure.</summary>
public sealed record MissingReport(string Agreement, string Enterprise, string Indicator);
