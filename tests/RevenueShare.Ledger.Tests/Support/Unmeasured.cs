using System.Diagnostics.Metrics;
using RevenueShare.Ledger.Observability;

namespace RevenueShare.Ledger.Tests.Support;

/// <summary>The ledger's instruments on a meter no one listens to, for parts a test builds by hand.</summary>
internal static class Unmeasured
{
    public static LedgerMetrics Metrics() => new(new Meter("RevenueShare.Ledger.Tests"));
}
