namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// The tests of the published packages, one after another: they share one publish of each runtime
/// (<see cref="PublishedPackages"/>), and two publishes or two emulated services at once would only
/// slow each other on a two-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackagingTestGroup : ICollectionFixture<PublishedPackages>
{
    public const string Name = "Packaging";
}
