using RevenueShare.Domain.Documents;

namespace RevenueShare.Server.Api.Wire;

/// <summary>A proposed amendment: new sharing terms from a month on.</summary>
public sealed record AmendmentRequest(string? From, IReadOnlyList<TermDocument?>? Terms);
