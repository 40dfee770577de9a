using RevenueShare.Domain.Reference;

namespace RevenueShare.Server;

/// <summary>
/// Finds the repository's <c>contracts/</c> folder at run time (catalogues, sample agreements and
/// figures) instead of copying it into every build output: one copy, the one the tests check. A
/// published package carries its copy beside the executable (the Server project publishes it), found
/// first. <c>--contracts DIR</c> overrides the search.
/// </summary>
public static class ContractsLocator
{
    private static readonly string[] Marker = ["catalogues", "districts.json"];

    /// <summary>
    /// The first <c>contracts</c> folder holding <c>catalogues/districts.json</c> found walking up
    /// from the executable's folder, then from the current directory.
    /// </summary>
    public static string Find()
    {
        string[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "contracts");
                if (IsContracts(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No contracts/catalogues/districts.json above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; pass --contracts DIR.");
    }

    /// <summary>Checks a folder given by the user, so a typo fails at start-up with a plain message.</summary>
    public static string Validate(string directory)
    {
        var full = Path.GetFullPath(directory);
        return IsContracts(full)
            ? full
            : throw new DirectoryNotFoundException($"{full} is not a contracts folder: it has no catalogues/districts.json.");
    }

    /// <summary>Reads the district and indicator catalogues under <c>contracts/catalogues</c>.</summary>
    public static ReferenceData LoadReference(string contractsDirectory) =>
        ReferenceData.FromJson(
            File.ReadAllText(Path.Combine(contractsDirectory, "catalogues", "districts.json")),
            File.ReadAllText(Path.Combine(contractsDirectory, "catalogues", "indicators.json")));

    private static bool IsContracts(string directory) =>
        File.Exists(Path.Combine([directory, .. Marker]));
}
