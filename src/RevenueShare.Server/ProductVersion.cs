using System.Reflection;

namespace RevenueShare.Server;

/// <summary>
/// The product's version: <c>Version</c> of Directory.Build.props, followed by <c>+</c> and the commit
/// the build was made from when it was made in a git checkout (the SDK stamps both into the assembly's
/// informational version), so one build always answers the same and two commits never alike.
/// </summary>
public static class ProductVersion
{
    public static string Current { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
}
