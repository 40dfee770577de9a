using NodaTime;

namespace RevenueShare.Server.Identity;

/// <summary>
/// The ledger's <see cref="IClock"/> as a <see cref="TimeProvider"/>, for the page session's cookie
/// handler: its idle expiry and <see cref="OfficeSession.AbsoluteLifetime"/> then run on one clock,
/// the one a test can move.
/// </summary>
public sealed class LedgerTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
