using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;

namespace RevenueShare.Server.Services;

/// <summary>An agreement's factor reports, every revision, as an office may read them.</summary>
public sealed record AgreementFactors(AgreementState Agreement, IReadOnlyList<FactorReport> Reports);
