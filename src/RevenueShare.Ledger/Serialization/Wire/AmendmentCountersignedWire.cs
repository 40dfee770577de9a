using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>amendment-countersigned.v1</c>: an agreement had an amendment countersigned.</summary>
public sealed record AmendmentCountersignedWire(
    string AgreementId,
    int Number,
    string District,
    Instant At,
    string By)
{
    public static AmendmentCountersignedWire Of(AmendmentCountersigned e) => new(e.AgreementId.Value, e.Number, e.District.Value, e.At, e.By.ToString());

    public AmendmentCountersigned ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Number, DistrictCode.Parse(District), At, Principal.Parse(By));
}
