namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// One booked entry with its explanation (docs/allocation.md, Explanation; docs/interfaces.md,
/// Allocation entries). <see cref="ReportId"/> is the report that booked it; an adjustment's
/// <see cref="Reason"/> says why it was booked.
/// </summary>
public sealed record AllocationEntryView(
    string Agreement,
    string Enterprise,
    string Indicator,
    string Month,
    string District,
    string Amount,
    string Kind,
    string? ReportId,
    string? Reason,
    string Ratio,
    string BasePart,
    string SharedPart,
    string? CapRemainingBefore,
    string? CapRemainingAfter,
    bool DoubleCount,
    string BookedAt,
    string BookedBy);
