namespace RevenueShare.Domain.Documents;

/// <summary>A cap as it arrives: an agreed <see cref="Amount"/>, or one derived from the enterprise's history (<see cref="Derive"/>).</summary>
public sealed record CapDocument(IReadOnlyList<string?>? Indicators, string? Amount, DeriveDocument? Derive = null);
