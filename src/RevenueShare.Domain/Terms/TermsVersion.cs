using System.Collections.Immutable;
using NodaTime;

namespace RevenueShare.Domain.Terms;

/// <summary>The sharing terms in force from <see cref="From"/> until the next version (an approved amendment).</summary>
public sealed record TermsVersion(YearMonth From, ImmutableArray<SharingTerm> Terms);
