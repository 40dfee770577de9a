using NodaTime;

namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// A cap (<see cref="Kind"/> <c>cap</c>) or a baseline (<c>baseline</c>) derived from <see cref="Years"/>
/// years of history, <see cref="From"/> to <see cref="To"/>. Once certified it has its
/// <see cref="Amount"/>, who certified it and when, and <see cref="Sources"/>: the figures it was
/// computed from, month by month with their reportIds, frozen for the agreement's life.
/// </summary>
public sealed record DerivedAmountView(
    string Kind,
    IReadOnlyList<string> Indicators,
    int Years,
    string From,
    string To,
    bool Certified,
    string? Amount,
    string? CertifiedBy,
    Instant? CertifiedAt,
    IReadOnlyList<HistoryFigureView>? Sources);
