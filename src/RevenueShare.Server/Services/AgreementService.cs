using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Server.Services;

/// <summary>
/// The offices' work on agreements (docs/agreements.md), one path for the API and the pages: proposing,
/// reading and editing agreements, firing their lifecycle triggers, amendments, the audit trail and the
/// lifecycle graph. Whether the office may see the agreement is settled here (404); whether it may act,
/// and whether the state allows it, by the agreement itself (403, 409).
/// </summary>
public sealed class AgreementService(LedgerGateway ledger, ReadModel reads, ReferenceData reference)
{
    public async Task<Outcome<AgreementState>> CreateAsync(Principal office, AgreementDocument? document, CancellationToken cancellationToken)
    {
        if (office.Kind != PrincipalKind.District)
        {
            return Refusal.Forbidden("Only a district finance office proposes agreements.");
        }

        if (!AgreementDocumentReader.TryRead(document, reference, out var terms, out var problems))
        {
            return Refusal.Invalid(problems);
        }

        return Answer(await ledger.CreateAsync(office, terms, cancellationToken));
    }

    /// <summary>The agreements the office may see: a district those it is party to, every other office all.</summary>
    public async Task<IReadOnlyList<AgreementState>> ListAsync(Principal office, CancellationToken cancellationToken)
    {
        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        return await snapshot.AgreementsAsync(office.Kind == PrincipalKind.District ? office.District : null, cancellationToken);
    }

    public async Task<Outcome<AgreementState>> GetAsync(Principal office, string id, CancellationToken cancellationToken) =>
        await VisibleAsync(id, office, cancellationToken) is { } state ? state : NotFound(id);

    public async Task<Outcome<AgreementState>> EditAsync(Principal office, string id, AgreementDocument? document, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        if (!AgreementDocumentReader.TryRead(document, reference, out var terms, out var problems))
        {
            return Refusal.Invalid(problems);
        }

        return Answer(await ledger.SendAsync(new EditDraft(state.Id, office, terms), cancellationToken));
    }

    /// <summary>Fires <paramref name="trigger"/> (<c>submit</c>, <c>approve</c>, ...); <paramref name="from"/> is the month a suspension, resumption or termination applies from.</summary>
    public async Task<Outcome<AgreementState>> FireAsync(
        Principal office, string id, string trigger, string? reason, string? from, CancellationToken cancellationToken)
    {
        if (!LifecycleTriggers.TryParseAgreementTrigger(trigger, out var parsed))
        {
            return Refusal.NotFound($"'{trigger}' is not a trigger: submit, countersign, approve, reject, withdraw, suspend, resume or terminate.");
        }

        if (await VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        NodaTime.YearMonth? month = null;
        if (from is not null)
        {
            if (!Months.TryParse(from, out var parsedMonth, out var error))
            {
                return Refusal.BadField("$.from", error);
            }

            month = parsedMonth;
        }

        return Answer(await ledger.SendAsync(new FireTrigger(state.Id, office, parsed, reason, month), cancellationToken));
    }

    public async Task<Outcome<AgreementState>> ProposeAmendmentAsync(
        Principal office, string id, string? from, IReadOnlyList<TermDocument?>? terms, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        if (!Months.TryParse(from, out var month, out var monthError))
        {
            return Refusal.BadField("$.from", from is null ? "The month the amendment takes effect from is required." : monthError);
        }

        if (!AgreementDocumentReader.TryReadAmendment(terms, "$.terms", month, state.Terms, reference, out var parsed, out var problems))
        {
            return Refusal.Invalid(problems);
        }

        return Answer(await ledger.SendAsync(new ProposeAmendment(state.Id, office, month, parsed), cancellationToken));
    }

    public async Task<Outcome<AgreementState>> FireAmendmentAsync(
        Principal office, string id, int number, string trigger, string? reason, CancellationToken cancellationToken)
    {
        if (!LifecycleTriggers.TryParseAmendmentTrigger(trigger, out var parsed))
        {
            return Refusal.NotFound($"'{trigger}' is not an amendment trigger: countersign, approve, reject or withdraw.");
        }

        if (await VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        return Answer(await ledger.SendAsync(new FireAmendmentTrigger(state.Id, office, number, parsed, reason), cancellationToken));
    }

    /// <summary>
    /// What approving pending amendment <paramref name="number"/> would book (a dry run through the same
    /// domain code as approval; nothing persisted), for finance, which approves, and the parties, which sign.
    /// </summary>
    public async Task<Outcome<AmendmentPreview>> PreviewAmendmentAsync(Principal office, string id, int number, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        if (office.Kind is not (PrincipalKind.Finance or PrincipalKind.District))
        {
            return Refusal.Forbidden("The preview of an amendment is for the finance bureau and the agreement's parties.");
        }

        return AmendmentPreview.Of(state, number) is { } preview
            ? preview
            : Refusal.Of(new Rejection(RejectionCode.TriggerNotAllowed, $"Agreement {state.Id} has no pending amendment {number}."));
    }

    /// <summary>
    /// The agreement's audit trail as the office may read it: figures and reviews are need-to-know by
    /// family, so tax does not see the statistics bureau's batches or reviews, nor it tax's.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<AuditEntry>>> AuditTrailAsync(Principal office, string id, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        var hidden = office.Kind switch
        {
            PrincipalKind.Tax => Principal.Statistics.ToString(),
            PrincipalKind.Statistics => Principal.Tax.ToString(),
            _ => null,
        };
        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        var trail = await snapshot.AuditTrailAsync(state.Id, cancellationToken);
        return Outcomes.Of<IReadOnlyList<AuditEntry>>([.. trail.Where(e => !(e.Type is "figures-booked" or "month-reviewed" && e.By == hidden))]);
    }

    /// <summary>The agreement's lifecycle machine, its current state marked, for drawing.</summary>
    public async Task<Outcome<AgreementLifecycle>> LifecycleAsync(Principal office, string id, CancellationToken cancellationToken) =>
        await VisibleAsync(id, office, cancellationToken) is { } state ? new AgreementLifecycle(state, null) : NotFound(id);

    /// <summary>
    /// The lifecycle acts <paramref name="office"/> may take on the agreement now: those the machine
    /// permits in its state and the office has the right to (docs/agreements.md), for the pages' buttons.
    /// </summary>
    public static IReadOnlyList<LifecycleTrigger> ActsOf(Principal office, AgreementState state)
    {
        var lifecycle = new AgreementLifecycle(state, office.Kind == PrincipalKind.District ? office.District : null);
        return [.. Enum.GetValues<LifecycleTrigger>().Where(t => lifecycle.CanFire(t) && LifecycleRights.MayFire(t, state, office))];
    }

    /// <summary>
    /// The agreement if <paramref name="id"/> is one, it exists and the office may see it; null refuses
    /// with 404 in every case, so an id of the wrong shape answers as any unknown id does.
    /// </summary>
    public async Task<AgreementState?> VisibleAsync(string id, Principal office, CancellationToken cancellationToken)
    {
        if (!AgreementId.TryParse(id, out var parsed, out _))
        {
            return null;
        }

        var state = await ledger.GetAsync(parsed, cancellationToken);
        return state is not null && Visibility.CanSee(office, state) ? state : null;
    }

    public static Refusal NotFound(string id) => Refusal.NotFound($"There is no agreement {id} this office may see.");

    private static Outcome<AgreementState> Answer(AgreementReply reply) =>
        reply.Rejection is not null ? Refusal.Of(reply.Rejection) : reply.State!;
}
