using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-countersigned.v1</c>: an agreement was countersigned by a party.</summary>
public sealed record AgreementCountersignedWire(
    string AgreementId,
    string District,
    Instant At,
    string By)
{
    public static AgreementCountersignedWire Of(AgreementCountersigned e) => new(e.AgreementId.Value, e.District.Value, e.At, e.By.ToString());

    public AgreementCountersigned ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), DistrictCode.Parse(District), At, Principal.Parse(By));
}
