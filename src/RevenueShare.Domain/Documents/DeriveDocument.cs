namespace RevenueShare.Domain.Documents;

/// <summary><c>{"years": N}</c>: an amount derived from the enterprise's history of the N calendar years before the agreement takes effect.</summary>
public sealed record DeriveDocument(int? Years);
