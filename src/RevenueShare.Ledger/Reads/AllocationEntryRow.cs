using NodaTime;

namespace RevenueShare.Ledger.Reads;

/// <summary>One booked entry as the read side holds it, with its explanation.</summary>
public sealed record AllocationEntryRow(
    string Agreement,
    string Enterprise,
    string Indicator,
    YearMonth Month,
    string District,
    decimal Amount,
    string Kind,
    string Cause,
    string Ratio,
    string BasePart,
    string SharedPart,
    string? CapRemainingBefore,
    string? CapRemainingAfter,
    bool DoubleCount,
    string BookedAt,
    string BookedBy)
{
    /// <summary>Whether an amendment taking effect caused the entry (its cause is then <c>amendment N</c>) rather than a report.</summary>
    public bool ByAmendment => Cause.StartsWith("amendment ", StringComparison.Ordinal);
}
