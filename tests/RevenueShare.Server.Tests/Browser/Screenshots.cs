using Microsoft.Playwright;

namespace RevenueShare.Server.Tests.Browser;

/// <summary>
/// Screenshots kept as test artifacts: <c>REVSHARE_SCREENSHOTS</c> when set, else
/// <c>TestResults/screenshots/</c> under the test project's output folder (README, "In the browser").
/// </summary>
internal static class Screenshots
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("REVSHARE_SCREENSHOTS") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Writes the whole page as <c>&lt;name&gt;.png</c>; returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }
}
