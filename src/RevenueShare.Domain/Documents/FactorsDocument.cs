namespace RevenueShare.Domain.Documents;

/// <summary>The three apportionment factors as they arrive, amounts or weights as decimal strings: a party's factors of a year, or a formula term's weights.</summary>
public sealed record FactorsDocument(string? OperatingRevenue, string? Payroll, string? Assets);
