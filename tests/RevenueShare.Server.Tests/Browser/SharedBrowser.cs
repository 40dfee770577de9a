namespace RevenueShare.Server.Tests.Browser;

/// <summary>The browser tests' collection: one <see cref="BrowserFixture"/> for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
