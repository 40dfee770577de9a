using RevenueShare.Domain;

namespace RevenueShare.Server.Identity;

/// <summary>A token that is not revoked: its id (as <c>tokens list</c> and <c>tokens revoke</c> name it) and its office.</summary>
public sealed record ActiveToken(string Id, Principal Principal);
