using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Coverage;

/// <summary>The coverage an agreement holds from now on; replaces whatever it held before.</summary>
public sealed record CoverageGranted(AgreementId AgreementId, ImmutableArray<CoverageItem> Items) : ILedgerRecord;
