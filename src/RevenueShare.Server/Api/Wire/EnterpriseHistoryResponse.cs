namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// An enterprise's history under an agreement (docs/allocation.md, history and derived amounts): the
/// months history is taken for, every history report of the families the caller sees, and each amount
/// derived from it, with what was certified.
/// </summary>
public sealed record EnterpriseHistoryResponse(
    string Agreement,
    string Enterprise,
    string Name,
    string From,
    string To,
    IReadOnlyList<HistoryFigureView> Figures,
    IReadOnlyList<DerivedAmountView> Derived);
