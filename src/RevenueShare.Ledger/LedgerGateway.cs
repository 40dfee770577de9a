using System.Collections.Immutable;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Cluster;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.Observability;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger;

/// <summary>
/// How the server talks to the ledger: every write goes to the agreement's actor through the
/// <see cref="AgreementRegion"/>, and every acknowledged write is registered with the
/// <see cref="ReadBarrier"/> before the caller hears of it.
/// </summary>
public sealed class LedgerGateway
{
    /// <summary>How long the ledger waits for one of its actors to answer a request.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ActorRegistry registry;
    private readonly ReadBarrier barrier;
    private readonly IClock clock;
    private readonly IReportIdClaims reportIds;
    private readonly IdleMemoryTrim trim;
    private readonly bool clustered;
    private readonly ILogger<LedgerGateway> logger;

    /// <param name="clustered">Whether this process is a node of a cluster, where a message can be lost with a node.</param>
    public LedgerGateway(ActorRegistry registry, ReadBarrier barrier, IClock clock, IReportIdClaims reportIds, IdleMemoryTrim trim, bool clustered, ILogger<LedgerGateway> logger)
    {
        this.logger = logger;
        this.trim = trim;
        this.clustered = clustered;
        this.registry = registry;
        this.barrier = barrier;
        this.clock = clock;
        this.reportIds = reportIds;
    }

    /// <summary>Creates a Draft under the next agreement id of the current year (China time).</summary>
    public async Task<AgreementReply> CreateAsync(Principal by, AgreementTerms terms, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();

        // Refuse before taking a number, so a refused proposal leaves no gap in the numbering; deciding a
        // creation reads no id, so the check goes without one.
        var check = AgreementDecider.Decide(null, new CreateAgreement(default, by, terms), now);
        if (check.Rejection is not null)
        {
            var refused = new AgreementReply(null, check.Rejection, [], 0);
            LedgerLog.Answered(logger, new CreateAgreement(default, by, terms), refused);
            return refused;
        }

        var id = await registry.Get<AgreementNumbering>().Ask<AgreementId>(new NextAgreementId(Months.Current(now).Year), Timeout, cancellationToken);
        return await SendAsync(new CreateAgreement(id, by, terms), cancellationToken);
    }

    public async Task<AgreementReply> SendAsync(IAgreementCommand command, CancellationToken cancellationToken)
    {
        if (command is not (CreateAgreement or BookFigures) && !await IsIssuedAsync(command.AgreementId, cancellationToken))
        {
            return new AgreementReply(null, new Rejection(RejectionCode.NotFound, $"Agreement {command.AgreementId} does not exist."), [], 0);
        }

        // Sent once: a second delivery of a booking would change its answer (booked becomes duplicate),
        // and of a lifecycle step its outcome; a command lost with a node fails, and its caller resends.
        var reply = await registry.Get<AgreementRegion>().Ask<AgreementReply>(command, Timeout, cancellationToken);
        if (reply.Exists)
        {
            barrier.Acknowledged(reply.PersistenceId, reply.SequenceNr);
        }

        LedgerLog.Answered(logger, command, reply);
        return reply;
    }

    /// <summary>The agreement's current state from its actor, or null when it does not exist.</summary>
    public async Task<AgreementState?> GetAsync(AgreementId agreementId, CancellationToken cancellationToken)
    {
        if (!await IsIssuedAsync(agreementId, cancellationToken))
        {
            return null;
        }

        var reply = await AskAsync<AgreementReply>(registry.Get<AgreementRegion>(), new GetAgreement(agreementId), repeatable: true, cancellationToken);
        return reply.State;
    }

    /// <summary>
    /// Whether the id was ever given out: asking an agreement actor about any other id would start
    /// (and keep) an actor for every id a caller makes up.
    /// </summary>
    private async Task<bool> IsIssuedAsync(AgreementId agreementId, CancellationToken cancellationToken) =>
        (await AskAsync<IssuedAnswer>(registry.Get<AgreementNumbering>(), new IsIssued(agreementId), repeatable: true, cancellationToken)).Issued;

    /// <summary>
    /// Asks and waits up to <see cref="Timeout"/>; in a cluster, a <paramref name="repeatable"/> message
    /// lost with a node is sent again (<see cref="RepeatedAsk"/>).
    /// </summary>
    private Task<T> AskAsync<T>(IActorRef to, object message, bool repeatable, CancellationToken cancellationToken) =>
        clustered && repeatable
            ? RepeatedAsk.AskAsync<T>(to, message, Timeout, cancellationToken)
            : to.Ask<T>(message, Timeout, cancellationToken);

    /// <summary>
    /// Books a batch, once the read side keeps up (<see cref="ReadBarrier.AdmitAsync"/>, given back with <see cref="ReadBarrier.Booked"/>): each report is routed to the agreement covering it, its reportId claimed for that
    /// agreement in the <see cref="IReportIdClaims"/>, each agreement receives its reports as one
    /// command (one persisted event), and the outcomes come back in the batch's order.
    /// </summary>
    /// <param name="historyOf">For each report, the agreement a history report names (docs/allocation.md, history and derived amounts), which it is sent to as it is; null for a figure, routed by coverage. Null: every report is a figure.</param>
    public async Task<IReadOnlyList<FigureOutcome>> BookAsync(Principal by, IReadOnlyList<FigureReport> reports, CancellationToken cancellationToken, IReadOnlyList<AgreementId?>? historyOf = null)
    {
        trim.Wrote();
        await barrier.AdmitAsync(reports.Count, cancellationToken);
        var answered = new List<(string PersistenceId, long SequenceNr)>();
        try
        {
            return await BookAdmittedAsync(by, reports, historyOf, answered, cancellationToken);
        }
        finally
        {
            barrier.Booked(reports.Count, answered);
        }
    }

    /// <summary><see cref="BookAsync"/> once admitted; each agreement's answer adds its journal position to <paramref name="answered"/>.</summary>
    private async Task<IReadOnlyList<FigureOutcome>> BookAdmittedAsync(
        Principal by,
        IReadOnlyList<FigureReport> reports,
        IReadOnlyList<AgreementId?>? historyOf,
        List<(string PersistenceId, long SequenceNr)> answered,
        CancellationToken cancellationToken)
    {
        var routes = await RouteAsync(reports, historyOf, cancellationToken);
        var outcomes = new FigureOutcome?[reports.Count];
        var covered = new List<int>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            if (routes[i] is null)
            {
                var report = reports[i];
                outcomes[i] = new FigureOutcome(report.ReportId, ReportStatus.Rejected, null, historyOf?[i] is { } named
                    ? new Rejection(RejectionCode.NotFound, $"Agreement {named} does not exist.", "agreement")
                    : new Rejection(RejectionCode.NotCovered, $"No approved agreement shares {report.Indicator} of {report.Enterprise} in {Months.Format(report.Month)}.", "enterprise"));
            }
            else
            {
                covered.Add(i);
            }
        }

        var claimed = await reportIds.ClaimAsync([.. covered.Select(i => (reports[i].ReportId, routes[i]!.Value))], cancellationToken);
        var kept = new List<(string ReportId, AgreementId Agreement)>(covered.Count);
        try
        {
            var claims = await ConfirmAsync(claimed, cancellationToken);
            var batches = new Dictionary<(AgreementId Agreement, bool History), List<int>>();
            for (var k = 0; k < covered.Count; k++)
            {
                var i = covered[k];
                var claim = claims[k];
                if (claim.HeldBy is { } holder)
                {
                    outcomes[i] = new FigureOutcome(claim.ReportId, ReportStatus.Rejected, null, new Rejection(
                        RejectionCode.ReportIdReused,
                        claim.InFlight
                            ? $"reportId '{claim.ReportId}' is being booked for a figure of agreement {holder} by another batch."
                            : $"reportId '{claim.ReportId}' was already used for a figure of agreement {holder}.",
                        "reportId"));
                    continue;
                }

                var key = (claim.Agreement, historyOf?[i] is not null);
                if (!batches.TryGetValue(key, out var indices))
                {
                    batches[key] = indices = [];
                }

                indices.Add(i);
            }

            await Task.WhenAll(batches.Select(async batch =>
            {
                var (agreement, history) = batch.Key;
                ImmutableArray<FigureReport> sent = [.. batch.Value.Select(i => reports[i])];
                IAgreementCommand command = history ? new ReportHistory(agreement, by, sent) : new BookFigures(agreement, by, sent);
                AgreementReply reply;
                try
                {
                    reply = await SendAsync(command, cancellationToken);
                }
                catch
                {
                    // The agreement may have booked them without answering: keep their ids rather than
                    // let another agreement take one.
                    lock (kept)
                    {
                        kept.AddRange(sent.Select(r => (r.ReportId, agreement)));
                    }

                    throw;
                }

                if (reply.Exists)
                {
                    lock (answered)
                    {
                        answered.Add((reply.PersistenceId, reply.SequenceNr));
                    }
                }

                for (var k = 0; k < batch.Value.Count; k++)
                {
                    var outcome = reply.Rejection is null
                        ? reply.Outcomes[k]
                        : new ReportOutcome(sent[k].ReportId, ReportStatus.Rejected, reply.Rejection);
                    outcomes[batch.Value[k]] = new FigureOutcome(outcome.ReportId, outcome.Status, agreement, outcome.Rejection);
                    if (outcome.Status != ReportStatus.Rejected)
                    {
                        lock (kept)
                        {
                            kept.Add((outcome.ReportId, agreement));
                        }
                    }
                }
            }));
        }
        finally
        {
            reportIds.Settle(claimed.Batch, [.. claimed.Claims.Select(c => c.ReportId)], kept);
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>
    /// The agreement each report goes to: a figure's by coverage, a history report's the one it names
    /// when that id was ever issued; null when there is none.
    /// </summary>
    private async Task<AgreementId?[]> RouteAsync(IReadOnlyList<FigureReport> reports, IReadOnlyList<AgreementId?>? historyOf, CancellationToken cancellationToken)
    {
        Task<FigureRoutes> ByCoverageAsync(IEnumerable<FigureReport> figures) =>
            AskAsync<FigureRoutes>(registry.Get<CoverageRegistry>(), new RouteFigures([.. figures.Select(r => new FigureToRoute(r.Enterprise, r.Indicator, r.Month))]), repeatable: true, cancellationToken);
        if (historyOf is null)
        {
            return [.. (await ByCoverageAsync(reports)).Agreements];
        }

        var figures = Enumerable.Range(0, reports.Count).Where(i => historyOf[i] is null).ToArray();
        var routes = new AgreementId?[reports.Count];
        if (figures.Length > 0)
        {
            var routed = await ByCoverageAsync(figures.Select(i => reports[i]));
            for (var k = 0; k < figures.Length; k++)
            {
                routes[figures[k]] = routed.Agreements[k];
            }
        }

        foreach (var named in historyOf.OfType<AgreementId>().Distinct())
        {
            if (await IsIssuedAsync(named, cancellationToken))
            {
                for (var i = 0; i < reports.Count; i++)
                {
                    routes[i] = historyOf[i] == named ? named : routes[i];
                }
            }
        }

        return routes;
    }

    /// <summary>Confirms each claim the registry only suspects (a matching hash) with the agreement it points at.</summary>
    private async Task<ReportIdClaim[]> ConfirmAsync(ReportIdClaims claimed, CancellationToken cancellationToken)
    {
        var claims = claimed.Claims.ToArray();
        foreach (var i in claimed.Suspects)
        {
            var holder = await GetAsync(claims[i].HeldBy!.Value, cancellationToken);
            claims[i] = await reportIds.ConfirmAsync(claimed.Batch, claims[i], holder is not null && holder.UsesReportId(claims[i].ReportId), cancellationToken);
        }

        return claims;
    }
}
