using System.CommandLine;
using System.Globalization;
using RevenueShare.Ledger.Verification;

namespace RevenueShare.Server.Cli;

/// <summary>
/// <c>revshare verify --data DIR</c>: replays the journal from scratch, checks every invariant
/// (<see cref="LedgerVerifier"/>) and prints the report on stdout; exits non-zero when any fails.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(StoreArguments store, TextWriter stdout)
    {
        var command = new Command("verify", "Replay the embedded store's journal from scratch and check every invariant of the ledger and its read tables.");
        command.Options.Add(store.Config);
        command.Options.Add(store.Data);
        command.Options.Add(store.Contracts);
        command.SetAction(async (result, cancellationToken) =>
        {
            var reference = ContractsLocator.LoadReference(store.ContractsDirectory(result));
            var report = await LedgerVerifier.VerifyAsync(store.SqliteStore(result), reference, cancellationToken);
            await stdout.WriteAsync(Format(report));
            return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static string Format(VerificationReport report)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Line($"Replayed {report.Agreements:N0} agreements from {report.Events:N0} events: {report.Figures:N0} current figures, {report.Entries:N0} entries booked."));
        text.AppendLine(Line($"SM3 chains: {report.SealedEvents:N0} events sealed, {report.EventsBeforeTheChain:N0} stored before the chain began (not sealed), {report.Seals:N0} month seals."));
        text.AppendLine(Line($"The read side stands at journal position {report.ReadPosition:N0}; {report.EventsAfterReadPosition:N0} agreement events after it are projected at the service's next start."));
        foreach (var check in report.Checks)
        {
            text.AppendLine(Line($"{(check.Passed ? "OK" : "FAILED"),-7} {check.Name} ({check.Checked:N0} checked{(check.Passed ? string.Empty : $", {check.Failures:N0} failed")})"));
            foreach (var failure in check.FirstFailures)
            {
                text.AppendLine("        " + failure);
            }

            if (check.Failures > check.FirstFailures.Length)
            {
                text.AppendLine(Line($"        ... and {check.Failures - check.FirstFailures.Length:N0} more"));
            }
        }

        var failed = report.Checks.Count(c => !c.Passed);
        text.AppendLine(failed == 0
            ? Line($"verify: OK, {report.Checks.Length} invariants hold")
            : Line($"verify: FAILED, {failed} of {report.Checks.Length} invariants do not hold"));
        return text.ToString();
    }

    private static string Line(FormattableString line) => line.ToString(CultureInfo.InvariantCulture);
}
