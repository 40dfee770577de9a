using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// What a month's reconciliation needs of one agreement open for that month: its enterprises and the
/// indicators (of those the caller may see, in catalogue order) its terms in force that month cover.
/// Figures are booked only for an agreement's own enterprises, fixed once it leaves Draft.
/// </summary>
public sealed record ReconciledAgreement(AgreementId Id, ImmutableArray<CreditCode> Enterprises, ImmutableArray<Indicator> Covered)
{
    /// <summary>
    /// The agreement's part in the reconciliation of <paramref name="month"/> over
    /// <paramref name="indicators"/>; null when it is not open for the month (docs/reconciliation.md:
    /// only an active agreement's figures are expected), so it has nothing missing and no review shown.
    /// </summary>
    public static ReconciledAgreement? OpenFor(AgreementState agreement, YearMonth month, IEnumerable<Indicator> indicators) =>
        agreement.IsOpenFor(month)
            ? new ReconciledAgreement(
                agreement.Id,
                [.. agreement.Rules.Enterprises.Select(e => e.Id)],
                [.. indicators.Where(i => agreement.Rules.TermFor(i, month) is not null)])
            : null;
}
