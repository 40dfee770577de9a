using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>A district taking part in an agreement. Parties are ordered: ties go to the first listed.</summary>
public sealed record Party(DistrictCode District, PartyRole Role);
