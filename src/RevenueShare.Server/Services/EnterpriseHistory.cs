using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Server.Services;

/// <summary>
/// What one office may see of an enterprise's history under an agreement: the history reports of the
/// families it sees (every revision, in indicator, month and revision order) and the derived amounts
/// over those families.
/// </summary>
public sealed record EnterpriseHistory(AgreementState Agreement, CoveredEnterprise Enterprise, IReadOnlyList<FigureReport> Reports, IReadOnlyList<DerivedAmount> Amounts);
