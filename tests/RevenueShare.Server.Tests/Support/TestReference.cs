using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Tests.Support;

/// <summary>The real catalogues from contracts/, loaded once.</summary>
internal static class TestReference
{
    private static readonly Lazy<ReferenceData> Data = new(() => ContractsLocator.LoadReference(ContractsDirectory));

    public static string ContractsDirectory => ContractsLocator.Find();

    /// <summary>The repository's root: the folder its contracts folder is in.</summary>
    public static string RepositoryDirectory => Path.GetDirectoryName(ContractsDirectory)!;

    public static ReferenceData Reference => Data.Value;

    /// <summary>A district code present in the catalogue.</summary>
    public static DistrictCode SomeDistrict => DistrictCode.Parse(Reference.Districts[0].Code);
}
