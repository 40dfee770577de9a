namespace RevenueShare.Server.Identity;

/// <summary>
/// How many failed authentications (a bearer token or a sign-in token that is unknown, revoked or
/// malformed) one client address may make in a fixed <paramref name="Window"/> before every further
/// request from it is refused with 429 until the window ends (<see cref="AuthenticationThrottle"/>).
/// </summary>
public sealed record AuthenticationThrottling(int FailuresPerWindow, TimeSpan Window)
{
    /// <summary>Ten a minute: more than an office mistyping its token, far too few to guess one (2^256 secrets).</summary>
    public static AuthenticationThrottling Default { get; } = new(10, TimeSpan.FromMinutes(1));
}
