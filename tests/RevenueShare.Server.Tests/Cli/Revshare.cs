using RevenueShare.Server.Cli;

namespace RevenueShare.Server.Tests.Cli;

/// <summary>The <c>revshare</c> command line run in process, its two streams captured.</summary>
internal static class Revshare
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await RevshareCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
