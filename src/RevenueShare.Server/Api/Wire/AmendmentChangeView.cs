namespace RevenueShare.Server.Api.Wire;

/// <summary>The change an amendment makes to one district's allocation of one indicator, over every month already booked, at the indicator's scale.</summary>
public sealed record AmendmentChangeView(string District, string Indicator, string Family, string Unit, string Change);
