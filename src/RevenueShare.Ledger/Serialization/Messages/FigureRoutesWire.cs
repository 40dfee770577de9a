using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Coverage;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>figure-routes</c> between nodes: for each report, the covering agreement or null.</summary>
public sealed record FigureRoutesWire(IReadOnlyList<string?> Agreements)
{
    public static FigureRoutesWire Of(FigureRoutes message) => new([.. message.Agreements.Select(a => a?.Value)]);

    public FigureRoutes ToDomain() => new([.. Agreements.Select(a => a is null ? (AgreementId?)null : AgreementId.Parse(a))]);
}
