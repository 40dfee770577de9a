using System.CommandLine;
using System.CommandLine.Invocation;

namespace RevenueShare.Server.Cli;

/// <summary>
/// <c>revshare --version</c>: the program's name and <see cref="ProductVersion"/> on stdout, as other
/// programs answer it, for an operator's report or a script checking what is installed. The command
/// line's own answer would print the version alone.
/// </summary>
internal sealed class VersionAction(TextWriter stdout) : SynchronousCommandLineAction
{
    public static string Line => "revshare " + ProductVersion.Current;

    public override int Invoke(ParseResult parseResult)
    {
        stdout.WriteLine(Line);
        return ExitCodes.Ok;
    }
}
