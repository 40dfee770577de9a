using NodaTime;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The sharing terms in force from a month, as stored in a snapshot's rules.</summary>
public sealed record TermsVersionWire(YearMonth From, IReadOnlyList<SharingTermWire> Terms)
{
    public static TermsVersionWire Of(TermsVersion version) => new(version.From, SharingTermWire.Of(version.Terms));

    public TermsVersion ToDomain(ReferenceData reference) => new(From, SharingTermWire.ToDomain(Terms, reference));
}
