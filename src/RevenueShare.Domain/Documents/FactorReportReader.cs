using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// The boundary for a factor report (docs/allocation.md, Formula shares): whether it is well formed,
/// with every problem at its path. Whether the agreement takes it (its parties, its period, the
/// revision booked) is the ledger's question.
/// </summary>
public static class FactorReportReader
{
    /// <summary>Factors are yuan with 2 decimals, as the tax office's apportionment tables give them.</summary>
    public const int FactorScale = 2;

    /// <summary>Years are written with four digits; anything else is a typing slip, not a year of a factor table.</summary>
    private const int FirstYear = 1000;
    private const int LastYear = 9999;

    public static bool TryRead(
        FactorReportDocument? document,
        ReferenceData reference,
        [NotNullWhen(true)] out FactorReport? report,
        out IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(reference);
        report = null;
        var found = new List<ValidationProblem>();
        problems = found;
        if (document is null)
        {
            found.Add(new("$", "The factor report is required."));
            return false;
        }

        var reportId = DocumentChecks.Text(document.ReportId, "$.reportId", FigureReportReader.MaxReportIdLength, found);
        var enterprise = DocumentChecks.Code(document.Enterprise, "$.enterprise", found);
        if (document.Year is null)
        {
            found.Add(DocumentChecks.Required("$.year"));
        }
        else if (document.Year is < FirstYear or > LastYear)
        {
            found.Add(new("$.year", $"{document.Year} is not a year; expected a year such as 2024."));
        }

        if (document.Revision is null)
        {
            found.Add(DocumentChecks.Required("$.revision"));
        }
        else if (document.Revision is < 1 or > FigureReportReader.MaxRevision)
        {
            found.Add(new("$.revision", $"The revision is {document.Revision}; revisions run from 1 (the first report of the year) to at most {FigureReportReader.MaxRevision}, a restatement taking a higher one."));
        }

        var factors = ReadFactors(document.Factors, reference, found);
        if (found.Count > 0 || reportId is null || enterprise is null || factors is null)
        {
            return false;
        }

        report = new FactorReport(reportId, enterprise.Value, document.Year!.Value, document.Revision!.Value, factors.Value);
        problems = [];
        return true;
    }

    private static ImmutableArray<DistrictFactors>? ReadFactors(
        IReadOnlyDictionary<string, FactorsDocument?>? factors,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        const string path = "$.factors";
        if (factors is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        if (factors.Count == 0)
        {
            problems.Add(new(path, "Every party's factors are required; none are given."));
            return null;
        }

        var before = problems.Count;
        var built = new List<DistrictFactors>(factors.Count);
        foreach (var (key, document) in factors)
        {
            var districtPath = JsonPath.Member(path, key);
            var district = DocumentChecks.KnownDistrict(key, districtPath, reference, problems);
            if (document is null)
            {
                problems.Add(DocumentChecks.Required(districtPath));
                continue;
            }

            var texts = new[] { document.OperatingRevenue, document.Payroll, document.Assets };
            var amounts = new decimal[ApportionmentFactors.Count];
            var read = true;
            for (var k = 0; k < ApportionmentFactors.Count; k++)
            {
                var memberPath = JsonPath.Member(districtPath, ApportionmentFactors.Names[k]);
                if (texts[k] is null)
                {
                    problems.Add(DocumentChecks.Required(memberPath));
                    read = false;
                }
                else if (DocumentChecks.Amount(texts[k], FactorScale, nonNegative: true, memberPath, problems) is { } amount)
                {
                    amounts[k] = Amounts.Round(amount, FactorScale);
                }
                else
                {
                    read = false;
                }
            }

            if (district is { } code && read)
            {
                built.Add(new DistrictFactors(code, new ApportionmentFactors(amounts[0], amounts[1], amounts[2])));
            }
        }

        return problems.Count == before ? [.. built.OrderBy(f => f.District)] : null;
    }
}
