using System.Globalization;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace RevenueShare.Server.Configuration;

/// <summary>
/// The service's configuration as an operator gives it, each later source overriding the earlier:
/// <c>appsettings.json</c> beside the executable (if there), the file of <c>--config</c>, the
/// environment's <c>REVSHARE__</c> variables, then the command line's flags. Microsoft.Extensions.Configuration
/// layers the sources; the keys and their types are <see cref="ServiceSettings"/>'s. Reading a value
/// that is not of its type, or finding a key that is none of the table's, records a problem naming
/// the key and where it came from; <see cref="ThrowIfInvalid"/> stops the start with all of them at once.
/// </summary>
public sealed class ServiceConfiguration
{
    /// <summary>The prefix of the environment variables read (<c>REVSHARE__Http__Urls</c> sets <c>Http:Urls</c>).</summary>
    public const string EnvironmentPrefix = "REVSHARE__";

    /// <summary>The file read first when it exists, beside the executable.</summary>
    public const string DefaultFileName = "appsettings.json";

    private readonly IConfigurationRoot root;
    private readonly IReadOnlyDictionary<string, string> flagOf;
    private readonly List<string> problems = [];

    private ServiceConfiguration(IConfigurationRoot root, IReadOnlyDictionary<string, string> flagOf)
    {
        this.root = root;
        this.flagOf = flagOf;
        FindUnknownKeys();
    }

    /// <summary>
    /// Reads the sources; <paramref name="flags"/> are the command line's settings that were given
    /// (a list setting once per item). A configuration file that is missing or not JSON fails here.
    /// </summary>
    public static ServiceConfiguration Load(string? configFile, IEnumerable<(ServiceSetting Setting, string Value)> flags) =>
        Load(Path.Combine(AppContext.BaseDirectory, DefaultFileName), configFile, flags);

    internal static ServiceConfiguration Load(string defaultFile, string? configFile, IEnumerable<(ServiceSetting Setting, string Value)> flags)
    {
        var given = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var flagOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in flags.GroupBy(flag => flag.Setting))
        {
            var values = group.Select(flag => flag.Value).ToList();
            for (var i = 0; i < values.Count; i++)
            {
                var key = group.Key.IsList ? $"{group.Key.Key}:{i}" : group.Key.Key;
                given[key] = values[i];
                flagOf[key] = group.Key.Flag!;
            }
        }

        var builder = new ConfigurationBuilder().AddJsonFile(defaultFile, optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new InvalidConfigurationException([$"--config {configFile}: there is no such file."]);
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix).AddInMemoryCollection(given);
        try
        {
            return new ServiceConfiguration(builder.Build(), flagOf);
        }
        catch (InvalidDataException e)
        {
            // The JSON provider's own message names the file and the line.
            throw new InvalidConfigurationException([e.Message + (e.InnerException is { } inner ? " " + inner.Message : string.Empty)]);
        }
    }

    /// <summary>The value of a text setting, or null when no source gives it.</summary>
    public string? Text(ServiceSetting setting)
    {
        var value = root[setting.Key];
        if (value is not null && value.Trim().Length == 0)
        {
            Problem(setting.Key, "is empty.");
            return null;
        }

        return value?.Trim();
    }

    public bool Flag(ServiceSetting setting)
    {
        var value = root[setting.Key];
        if (value is null)
        {
            return false;
        }

        if (!bool.TryParse(value, out var flag))
        {
            Problem(setting.Key, $"'{value}' is neither true nor false.");
        }

        return flag;
    }

    /// <summary>A whole number of at least <paramref name="min"/>, or null when no source gives it.</summary>
    public int? Number(ServiceSetting setting, int min)
    {
        var value = root[setting.Key];
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min)
        {
            Problem(setting.Key, $"'{value}' is not a whole number of {min} or more.");
            return null;
        }

        return number;
    }

    /// <summary>A duration in whole seconds of at least <paramref name="min"/>, else <paramref name="fallback"/>.</summary>
    public TimeSpan Seconds(ServiceSetting setting, TimeSpan fallback, int min = 1) =>
        Number(setting, min) is { } seconds ? TimeSpan.FromSeconds(seconds) : fallback;

    /// <summary>The items of a list setting in order; none when no source gives it.</summary>
    public IReadOnlyList<string> List(ServiceSetting setting)
    {
        var section = root.GetSection(setting.Key);
        if (section.Value is { } single)
        {
            // A list given as one value (a variable REVSHARE__Cluster__Seeds): items ';'-separated.
            return single.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return [.. section.GetChildren()
            .OrderBy(item => int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue)
            .Select(item => item.Value?.Trim())
            .OfType<string>()];
    }

    /// <summary>Records that the value of <paramref name="key"/> <paramref name="problem"/> (a sentence starting with its verb).</summary>
    public void Problem(string key, string problem) =>
        problems.Add($"{key} ({SourceOf(key)}) {problem}");

    /// <summary>Records a problem about several settings together.</summary>
    public void Problem(string problem) => problems.Add(problem);

    /// <summary>Where the value of <paramref name="key"/> came from: the flag, the variable or the file.</summary>
    public string SourceOf(string key)
    {
        if (flagOf.TryGetValue(key, out var flag))
        {
            return "from " + flag;
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
            {
                continue;
            }

            return provider switch
            {
                EnvironmentVariablesConfigurationProvider => "from " + EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal),
                JsonConfigurationProvider json => "from " + Path.Combine(json.Source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider files ? files.Root : string.Empty, json.Source.Path ?? string.Empty),
                _ => "given",
            };
        }

        // A list's items are keys of their own (Cluster:Seeds:0, ...): the first one tells.
        return key.EndsWith(":0", StringComparison.Ordinal) ? "by default" : SourceOf(key + ":0");
    }

    /// <summary>Whether any source gives <paramref name="setting"/> (as opposed to its default).</summary>
    public bool Has(ServiceSetting setting) => root.GetSection(setting.Key).Exists();

    /// <summary>Stops with every problem found, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }
    }

    private void FindUnknownKeys()
    {
        foreach (var (key, value) in root.AsEnumerable())
        {
            if (value is null || IsKnown(key))
            {
                continue;
            }

            Problem(key, "is not an option of revshare (the options: docs/operations.md, Configuration).");
        }
    }

    private static bool IsKnown(string key) => ServiceSettings.All.Any(setting =>
        string.Equals(setting.Key, key, StringComparison.OrdinalIgnoreCase)
        || (setting.IsList
            && key.StartsWith(setting.Key + ":", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(key.AsSpan(setting.Key.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)));
}
