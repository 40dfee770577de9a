using RevenueShare.Ledger.Numbering;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-number-issued.v1</c>: number N of a year was given out.</summary>
public sealed record AgreementNumberIssuedWire(int Year, int Number)
{
    public static AgreementNumberIssuedWire Of(AgreementNumberIssued issued) => new(issued.Year, issued.Number);

    public AgreementNumberIssued ToDomain() => new(Year, Number);
}
