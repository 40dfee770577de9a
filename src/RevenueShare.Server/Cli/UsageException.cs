namespace RevenueShare.Server.Cli;

/// <summary>A mistake in the command line found while acting on it; reported on stderr with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
