namespace RevenueShare.Ledger.Verification;

/// <summary>Counts one invariant's cases as they are checked and keeps the first few failures (the rest are counted).</summary>
internal sealed class InvariantTally(string name)
{
    public const int Shown = 5;

    private readonly List<string> first = [];
    private long checkedCount;
    private long failures;

    /// <summary>Records one case; <paramref name="describe"/> runs only for a failure that is shown.</summary>
    public void Check(bool holds, Func<string> describe)
    {
        checkedCount++;
        if (holds)
        {
            return;
        }

        failures++;
        if (first.Count < Shown)
        {
            first.Add(describe());
        }
    }

    public InvariantCheck Result() => new(name, checkedCount, failures, [.. first]);
}
