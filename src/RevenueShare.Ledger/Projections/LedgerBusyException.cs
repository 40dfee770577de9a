namespace RevenueShare.Ledger.Projections;

/// <summary>
/// A figure batch refused because the read side lags behind acknowledged writes by more than its
/// bound (<see cref="LedgerOptions.ReadLagBound"/>): nothing of it was booked; send it again after
/// <see cref="RetryAfter"/>.
/// </summary>
public sealed class LedgerBusyException(TimeSpan lag, TimeSpan bound)
    : Exception($"The ledger is busy: its read side is {lag.TotalSeconds:0.0} s behind acknowledged writes (bound {bound.TotalSeconds:0.0} s). Nothing was booked; send the batch again.")
{
    public TimeSpan RetryAfter { get; } = bound;
}
