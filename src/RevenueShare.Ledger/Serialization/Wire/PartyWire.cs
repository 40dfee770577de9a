using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A party as stored: <c>{"district": "440103", "role": "origin"}</c>.</summary>
public sealed record PartyWire(string District, string Role)
{
    public static PartyWire Of(Party party) => new(party.District.Value, WireNames.Role.Name(party.Role));

    public Party ToDomain() => new(DistrictCode.Parse(District), WireNames.Role.Parse(Role));
}
