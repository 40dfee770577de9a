using System.Diagnostics.CodeAnalysis;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// The boundary for one figure report of a batch (docs/corrections.md; docs/interfaces.md, Payload
/// shapes). Whether the figure may be booked (agreement, month closed, locks) is the ledger's question;
/// this reader only answers whether the report is well formed, with every problem at its path.
/// </summary>
public static class FigureReportReader
{
    public const int MaxReportIdLength = 100;

    /// <summary>
    /// The highest revision accepted. A restatement needs a higher revision than the one booked, so a
    /// figure booked at <see cref="int.MaxValue"/> could never be restated, and a client that jumps there
    /// by mistake (or malice) freezes the figure. Offices count revisions 1, 2, 3 …; a bound far above any
    /// real count and far below the integer's end keeps every figure restatable in practice.
    /// </summary>
    public const int MaxRevision = 1_000_000;

    /// <summary>Validates one report; paths start at <paramref name="pathPrefix"/> (<c>$.reports[3].amount</c>).</summary>
    public static bool TryRead(
        FigureReportDocument? document,
        string pathPrefix,
        ReferenceData reference,
        [NotNullWhen(true)] out FigureReport? report,
        out IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentNullException.ThrowIfNull(reference);
        report = null;
        var found = new List<ValidationProblem>();
        problems = found;
        if (document is null)
        {
            found.Add(new(pathPrefix, "The report is required."));
            return false;
        }

        var reportId = DocumentChecks.Text(document.ReportId, JsonPath.Member(pathPrefix, "reportId"), MaxReportIdLength, found);
        var enterprise = DocumentChecks.Code(document.Enterprise, JsonPath.Member(pathPrefix, "enterprise"), found);
        var indicator = DocumentChecks.KnownIndicator(document.Indicator, JsonPath.Member(pathPrefix, "indicator"), reference, found);
        var month = DocumentChecks.Month(document.Month, JsonPath.Member(pathPrefix, "month"), found);

        // Without a known indicator there is no scale to hold the amount to; its form is still checked
        // at the finest scale of the catalogue so that a malformed amount is reported in the same pass.
        var scale = indicator?.Scale ?? reference.Indicators.Select(i => i.Scale).DefaultIfEmpty(0).Max();

        // Negative amounts are refunds and corrections (docs/allocation.md, Negative amounts): valid,
        // and allocated by the same rules.
        var amount = DocumentChecks.Amount(document.Amount, scale, nonNegative: false, JsonPath.Member(pathPrefix, "amount"), found);

        var revisionPath = JsonPath.Member(pathPrefix, "revision");
        if (document.Revision is null)
        {
            found.Add(DocumentChecks.Required(revisionPath));
        }
        else if (document.Revision < 1)
        {
            found.Add(new(revisionPath, $"The revision is {document.Revision}; revisions start at 1 (the first figure) and grow with each restatement."));
        }
        else if (document.Revision > MaxRevision)
        {
            found.Add(new(revisionPath, $"The revision is {document.Revision}; revisions run from 1 to at most {MaxRevision} (a restatement takes a higher one than the figure booked)."));
        }

        if (found.Count > 0 || reportId is null || enterprise is null || indicator is null || month is null || amount is null || document.Revision is not { } revision)
        {
            return false;
        }

        report = new FigureReport(reportId, enterprise.Value, indicator, month.Value, amount.Value, revision);
        problems = [];
        return true;
    }

    /// <summary>
    /// The agreement a history report names (<c>"history": true</c> with <c>agreement</c>); null for a
    /// figure of the ledger. Problems go into <paramref name="problems"/>, at their paths.
    /// </summary>
    public static AgreementId? HistoryOf(FigureReportDocument document, string pathPrefix, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(problems);
        var agreementPath = JsonPath.Member(pathPrefix, "agreement");
        if (document.History != true)
        {
            if (document.Agreement is not null)
            {
                problems.Add(new(agreementPath, "Only a history report (\"history\": true) names its agreement; a figure is booked to the agreement that covers it."));
            }

            return null;
        }

        if (string.IsNullOrEmpty(document.Agreement))
        {
            problems.Add(new(agreementPath, "A history report names the agreement it is evidence for."));
            return null;
        }

        if (!AgreementId.TryParse(document.Agreement, out var agreement, out var error))
        {
            problems.Add(new(agreementPath, error));
            return null;
        }

        return agreement;
    }
}
