using System.Collections.Immutable;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Figures;

/// <summary>
/// One validated report of an enterprise's apportionment factors for a year (docs/allocation.md,
/// Formula shares): each party's operating revenue, payroll and assets, listed by district code in
/// ordinal order. <see cref="ReportId"/> and <see cref="Revision"/> follow the rules of figure reports:
/// the same content again is a duplicate, a restatement carries a higher revision.
/// </summary>
public sealed record FactorReport(string ReportId, CreditCode Enterprise, int Year, int Revision, ImmutableArray<DistrictFactors> Factors)
{
    /// <summary>The factors of <paramref name="district"/>, null when the report does not list it.</summary>
    public DistrictFactors? Of(DistrictCode district)
    {
        foreach (var factors in Factors)
        {
            if (factors.District == district)
            {
                return factors;
            }
        }

        return null;
    }

    /// <summary>Equal content: an array compares by reference, so the factors are compared one by one.</summary>
    public bool Equals(FactorReport? other) =>
        other is not null
        && string.Equals(ReportId, other.ReportId, StringComparison.Ordinal)
        && Enterprise == other.Enterprise
        && Year == other.Year
        && Revision == other.Revision
        && Factors.SequenceEqual(other.Factors);

    public override int GetHashCode() => HashCode.Combine(ReportId, Enterprise, Year, Revision, Factors.Length);
}
