using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;

namespace RevenueShare.Server.Services;

/// <summary>A factor report as the ledger took it: booked or a duplicate, with the agreement after it.</summary>
public sealed record FactorAnswer(AgreementState Agreement, FactorReport Report, ReportStatus Status);
