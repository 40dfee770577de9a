using System.CommandLine;
using System.CommandLine.Invocation;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server.Cli;

/// <summary>
/// <c>revshare --version</c>: the program's name and <see cref="ProductVersion"/> on the first line, as
/// other programs answer it, for an operator's report or a script checking what is installed; then the
/// stored formats of this release (<see cref="StoreFormats"/>), which say whether it opens a store
/// another release wrote (docs/operations.md, Upgrade and rollback). The command line's own answer
/// would print the version alone.
/// </summary>
internal sealed class VersionAction(TextWriter stdout) : SynchronousCommandLineAction
{
    public static string Line => "revshare " + ProductVersion.Current;

    /// <summary>Everything printed, each line ended by <c>\n</c>.</summary>
    public static string Text => string.Concat(
        new[]
        {
            Line,
            $"read schema {StoreFormats.ReadSchemaVersion}, backup format {StoreFormats.BackupVersion}",
            "journal writes " + string.Join(' ', StoreFormats.JournalWrites),
            "journal also reads " + string.Join(' ', StoreFormats.JournalReadsOnly),
        }.Select(line => line + "\n"));

    public override int Invoke(ParseResult parseResult)
    {
        stdout.Write(Text);
        return ExitCodes.Ok;
    }
}
