namespace RevenueShare.Client.Tests;

/// <summary>Files of the repository's contracts/ folder.</summary>
internal static class ContractPaths
{
    public static string Read(params string[] parts) =>
        File.ReadAllText(Path.Combine([Server.Tests.Support.TestReference.ContractsDirectory, .. parts]));

    public static IEnumerable<string> ExampleAgreements() =>
        Directory.EnumerateFiles(Path.Combine(Server.Tests.Support.TestReference.ContractsDirectory, "examples", "agreements"), "*.json")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;
}
