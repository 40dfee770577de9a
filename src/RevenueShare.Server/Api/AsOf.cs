namespace RevenueShare.Server.Api;

/// <summary>The <c>asOf</c> query parameter of the report routes: a point-in-time read (docs/interfaces.md).</summary>
internal static class AsOf
{
    public const string Description =
        "An instant (ISO-8601 with its offset, e.g. 2025-07-01T00:00:00Z): the answer the ledger gave at that instant, "
        + "leaving out every entry and figure booked after it. Not after the present; a malformed or future instant is a 400 problem at the path asOf.";
}
