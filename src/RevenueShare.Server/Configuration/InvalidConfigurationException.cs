namespace RevenueShare.Server.Configuration;

/// <summary>
/// What stops a start whose configuration cannot be used: every problem found, each naming the key
/// and where its value came from; reported on stderr, one per line, without a stack trace.
/// </summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("The configuration cannot be used: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
