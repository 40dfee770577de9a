using NodaTime;

namespace RevenueShare.Server.Identity;

/// <summary>
/// What may be shown about a stored token. Never the secret (it is not stored) and not the hash:
/// a listing is something people paste into tickets. <see cref="Office"/> is the principal id as
/// stored, kept as text so a token for a district later dropped from the catalogue still lists.
/// </summary>
public sealed record TokenInfo(string Id, string Office, Instant CreatedAt, Instant? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
