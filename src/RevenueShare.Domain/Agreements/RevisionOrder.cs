using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The revision rule of figure and history reports alike (docs/corrections.md): the first report of an
/// enterprise, indicator and month has revision 1, a restatement a higher one than the report it follows.
/// </summary>
internal static class RevisionOrder
{
    /// <summary>The refusal of <paramref name="report"/> after <paramref name="current"/> (null: none yet), or null when it follows.</summary>
    /// <param name="what">What the reports are, as the refusal names them: "figure", "history".</param>
    /// <param name="booked">What happened to the current one: "booked", "reported".</param>
    public static Rejection? Check(FigureReport? current, FigureReport report, string what, string booked)
    {
        var subject = $"{report.Enterprise} for {report.Indicator} in {Months.Format(report.Month)}";
        if (current is null && report.Revision != 1)
        {
            return new Rejection(RejectionCode.RevisionOutOfOrder, $"No {what} of {subject} is {booked} yet: the first report has revision 1, not {report.Revision}.", "revision");
        }

        return current is not null && report.Revision <= current.Revision
            ? new Rejection(RejectionCode.RevisionOutOfOrder, $"Revision {current.Revision} of the {what} of {subject} is {booked} (report '{current.ReportId}'): a restatement needs a higher revision than {current.Revision}.", "revision")
            : null;
    }
}
