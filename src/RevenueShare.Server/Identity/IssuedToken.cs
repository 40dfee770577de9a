using RevenueShare.Domain;

namespace RevenueShare.Server.Identity;

/// <summary>
/// A token just created: the only moment its secret exists outside the caller's hands, since the
/// store keeps nothing but its hash.
/// </summary>
public sealed record IssuedToken(string Id, Principal Principal, string Secret);
