namespace RevenueShare.Server.Configuration;

/// <summary>
/// One option of the service, as an operator meets it: its key in a configuration file
/// (<c>Http:Urls</c>; <c>REVSHARE__Http__Urls</c> in the environment), the command-line flag that
/// sets it too (none for a secret, which a process listing would show), its default as the code
/// has it, and what it does. <see cref="ServiceSettings"/> lists them all; docs/operations.md,
/// Configuration, is that list for the reader.
/// </summary>
/// <param name="IsList">A list: an array in JSON (<c>Key:0</c>, <c>Key:1</c>, ...), the flag given once per item.</param>
public sealed record ServiceSetting(string Key, string? Flag, string Default, string Meaning, bool IsList = false)
{
    /// <summary>The environment variable that sets it: the key's sections joined by <c>__</c> after <see cref="ServiceConfiguration.EnvironmentPrefix"/>.</summary>
    public string EnvironmentVariable => ServiceConfiguration.EnvironmentPrefix + Key.Replace(":", "__", StringComparison.Ordinal);
}
