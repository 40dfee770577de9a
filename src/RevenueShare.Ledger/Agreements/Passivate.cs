namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// An idle agreement asks its region to let it go; the region answers with <see cref="Instance"/>'s
/// own message to the agreement, which stops it once every message queued before is handled.
/// </summary>
internal sealed class Passivate
{
    public static Passivate Instance { get; } = new();

    private Passivate()
    {
    }
}
