using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>A proposed change of an Active agreement's sharing terms from <see cref="From"/> on.</summary>
public sealed record Amendment(
    int Number,
    YearMonth From,
    ImmutableArray<SharingTerm> Terms,
    DistrictCode Proposer,
    ImmutableArray<DistrictCode> Signatures,
    AmendmentStatus Status);
