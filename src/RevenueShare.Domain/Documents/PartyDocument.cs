namespace RevenueShare.Domain.Documents;

public sealed record PartyDocument(string? District, string? Role);
