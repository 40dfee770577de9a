namespace RevenueShare.Server.Api.Wire;

/// <summary>One adjustment entry an amendment's approval would book: new minus old for one enterprise, indicator, month and district.</summary>
public sealed record AmendmentEntryView(string Enterprise, string Indicator, string Month, string District, string Amount, string Ratio);
