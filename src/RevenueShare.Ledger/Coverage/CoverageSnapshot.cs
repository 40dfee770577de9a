using System.Collections.Immutable;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Coverage;

public sealed record CoverageSnapshot(ImmutableArray<CoverageGranted> Grants) : ILedgerRecord;
