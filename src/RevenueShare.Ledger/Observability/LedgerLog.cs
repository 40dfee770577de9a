using Microsoft.Extensions.Logging;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Agreements;

namespace RevenueShare.Ledger.Observability;

/// <summary>
/// The ledger's log lines: each agreement's lifecycle and review decisions and refusals, with the
/// agreement, the office and the reason's code. Never the terms, a reason typed by an office, a
/// figure or an enterprise (tax and statistics secrecy): the audit trail holds those, for those
/// entitled to read it.
/// </summary>
internal static partial class LedgerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Agreement {Agreement}: {Decision} by {Office}, now {Status}")]
    public static partial void Decided(ILogger logger, string agreement, string decision, Principal office, AgreementStatus? status);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Agreement {Agreement}: {Decision} by {Office} refused ({Reason})")]
    public static partial void Refused(ILogger logger, string agreement, string decision, Principal office, RejectionCode reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Stopping: the read side holds every write acknowledged, in {Elapsed}")]
    public static partial void StopCaughtUp(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Stopping before the read side holds every write acknowledged: {Events} events of {Agreements} agreements are left, which the next start projects before it answers a read")]
    public static partial void StopBehind(ILogger logger, long events, int agreements);

    /// <summary>What a command asks, in a word or two: the trigger, the amendment's number, the reviewed month.</summary>
    public static string DecisionOf(IAgreementCommand command) => command switch
    {
        CreateAgreement => "create",
        EditDraft => "edit",
        FireTrigger fire => fire.Trigger.ToString(),
        ProposeAmendment => "propose amendment",
        FireAmendmentTrigger amendment => $"amendment {amendment.Number} {amendment.Trigger}",
        ReviewMonth review => $"review {review.Month:yyyy-MM} {review.Family} {review.Decision}",
        _ => command.GetType().Name,
    };

    /// <summary>Logs a command's answer; bookings are counted by the metrics instead, one line per batch being too many.</summary>
    public static void Answered(ILogger logger, IAgreementCommand command, AgreementReply reply)
    {
        if (command is BookFigures || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var agreement = command.AgreementId.Value ?? "(new)";
        var decision = DecisionOf(command);
        if (reply.Rejection is { } rejection)
        {
            Refused(logger, agreement, decision, command.By, rejection.Code);
        }
        else
        {
            Decided(logger, agreement, decision, command.By, reply.State?.Status);
        }
    }
}
