namespace RevenueShare.Server.Api;

/// <summary>The calling office's principal id, for clients checking which token they hold.</summary>
public sealed record WhoAmI(string Principal);
