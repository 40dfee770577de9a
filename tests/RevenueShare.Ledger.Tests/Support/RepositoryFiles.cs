using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Tests.Support;

/// <summary>Files of the repository the tests read: the catalogues and examples in contracts/.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static ReferenceData Reference { get; } = ReferenceData.FromJson(
        File.ReadAllText(Path.Combine(Root, "contracts", "catalogues", "districts.json")),
        File.ReadAllText(Path.Combine(Root, "contracts", "catalogues", "indicators.json")));

    /// <summary>The catalogue's entry of <paramref name="code"/>, which the domain's records carry instead of the code.</summary>
    public static Indicator Indicator(string code) => Reference.Indicator(code);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RevenueShare.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RevenueShare.sln not found above " + AppContext.BaseDirectory);
    }
}
