using System.Collections.Immutable;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// One invariant as <c>revshare verify</c> checked it: how many things it held for (figures, groups,
/// rows), how many it failed for, and the first of those failures described for an operator.
/// </summary>
public sealed record InvariantCheck(string Name, long Checked, long Failures, ImmutableArray<string> FirstFailures)
{
    public bool Passed => Failures == 0;
}
