namespace RevenueShare.Server.Cli;

/// <summary>Process exit codes of <c>revshare</c>, so scripts can tell a usage mistake from a failure.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command was valid but did not succeed (store unreachable, no such token).</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong: a parse error, an unknown office, conflicting options.</summary>
    public const int Usage = 2;
}
