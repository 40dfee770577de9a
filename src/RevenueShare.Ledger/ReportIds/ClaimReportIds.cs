using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>A batch claims its reportIds, each for the agreement covering its report (answered with <see cref="ReportIdClaims"/>).</summary>
public sealed record ClaimReportIds(ImmutableArray<(string ReportId, AgreementId Agreement)> Reports) : Serialization.ILedgerMessage;
