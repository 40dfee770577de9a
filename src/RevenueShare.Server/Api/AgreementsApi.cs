using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>/api/agreements</c>: proposing, reading and editing agreements, their lifecycle triggers and
/// amendments, audit trail and lifecycle graph (docs/agreements.md; docs/interfaces.md, Routes). Whether
/// the caller may see the agreement is settled here (404); whether it may act, and whether the state
/// allows it, by the agreement itself (403, 409).
/// </summary>
public static class AgreementsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapPost("/", CreateAsync).WithName("CreateAgreement");
        agreements.MapGet("/", ListAsync).WithName("ListAgreements");
        agreements.MapGet("/{id}", GetAsync).WithName("GetAgreement");
        agreements.MapPut("/{id}", EditAsync).WithName("EditAgreement");
        agreements.MapGet("/{id}/events", EventsAsync).WithName("GetAgreementEvents");
        agreements.MapGet("/{id}/lifecycle", LifecycleAsync).WithName("GetAgreementLifecycle");
        agreements.MapPost("/{id}/amendments", ProposeAmendmentAsync).WithName("ProposeAmendment");
        agreements.MapPost("/{id}/amendments/{number:int}/{trigger}", FireAmendmentAsync).WithName("FireAmendmentTrigger");
        agreements.MapPost("/{id}/{trigger}", FireAsync).WithName("FireAgreementTrigger");
    }

    private static async Task<Results<Created<AgreementView>, ProblemHttpResult>> CreateAsync(
        AgreementDocument? document, HttpContext http, LedgerGateway ledger, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (office.Kind != PrincipalKind.District)
        {
            return Problems.Forbidden("Only a district finance office proposes agreements.");
        }

        if (!AgreementDocumentReader.TryRead(document, reference, out var terms, out var problems))
        {
            return RejectionProblems.Invalid(problems);
        }

        var reply = await ledger.CreateAsync(office, terms, cancellationToken);
        if (reply.Rejection is not null)
        {
            return RejectionProblems.ToResult(reply.Rejection);
        }

        var view = AgreementViews.From(reply.State!);
        return TypedResults.Created($"/api/agreements/{Uri.EscapeDataString(view.Id)}", view);
    }

    private static async Task<Ok<AgreementListResponse>> ListAsync(
        HttpContext http, ReadModel reads, CancellationToken cancellationToken)
    {
        var office = http.Office();
        var agreements = await reads.AgreementsAsync(office.Kind == PrincipalKind.District ? office.District : null, cancellationToken);
        return TypedResults.Ok(new AgreementListResponse([.. agreements.Select(AgreementViews.From)]));
    }

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, LedgerGateway ledger, CancellationToken cancellationToken)
    {
        var state = await VisibleAsync(id, http.Office(), ledger, cancellationToken);
        return state is null ? NotFound(id) : TypedResults.Ok(AgreementViews.From(state));
    }

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> EditAsync(
        string id, AgreementDocument? document, HttpContext http, LedgerGateway ledger, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        var state = await VisibleAsync(id, office, ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        if (!AgreementDocumentReader.TryRead(document, reference, out var terms, out var problems))
        {
            return RejectionProblems.Invalid(problems);
        }

        return Answer(await ledger.SendAsync(new EditDraft(state.Id, office, terms), cancellationToken));
    }

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> FireAsync(
        string id,
        string trigger,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TriggerRequest? body,
        HttpContext http,
        LedgerGateway ledger,
        CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (!LifecycleTriggers.TryParseAgreementTrigger(trigger, out var parsed))
        {
            return Problems.NotFound($"'{trigger}' is not a trigger: submit, countersign, approve, reject, withdraw, suspend, resume or terminate.");
        }

        var state = await VisibleAsync(id, office, ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        NodaTime.YearMonth? from = null;
        if (body?.From is not null)
        {
            if (!Months.TryParse(body.From, out var month, out var error))
            {
                return Problems.BadField("$.from", error);
            }

            from = month;
        }

        return Answer(await ledger.SendAsync(new FireTrigger(state.Id, office, parsed, body?.Reason, from), cancellationToken));
    }

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> ProposeAmendmentAsync(
        string id, AmendmentRequest? body, HttpContext http, LedgerGateway ledger, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        var state = await VisibleAsync(id, office, ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        if (!Months.TryParse(body?.From, out var from, out var monthError))
        {
            return Problems.BadField("$.from", body?.From is null ? "The month the amendment takes effect from is required." : monthError);
        }

        if (!AgreementDocumentReader.TryReadAmendment(body!.Terms, "$.terms", from, state.Terms, reference, out var terms, out var problems))
        {
            return RejectionProblems.Invalid(problems);
        }

        return Answer(await ledger.SendAsync(new ProposeAmendment(state.Id, office, from, terms), cancellationToken));
    }

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> FireAmendmentAsync(
        string id,
        int number,
        string trigger,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TriggerRequest? body,
        HttpContext http,
        LedgerGateway ledger,
        CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (!LifecycleTriggers.TryParseAmendmentTrigger(trigger, out var parsed))
        {
            return Problems.NotFound($"'{trigger}' is not an amendment trigger: countersign, approve, reject or withdraw.");
        }

        var state = await VisibleAsync(id, office, ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        return Answer(await ledger.SendAsync(new FireAmendmentTrigger(state.Id, office, number, parsed, body?.Reason), cancellationToken));
    }

    private static async Task<Results<Ok<AuditTrailResponse>, ProblemHttpResult>> EventsAsync(
        string id, HttpContext http, LedgerGateway ledger, ReadModel reads, CancellationToken cancellationToken)
    {
        var office = http.Office();
        var state = await VisibleAsync(id, office, ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        // Figures and reviews are need-to-know by family: one office does not see the other's batches or reviews.
        var hidden = office.Kind switch
        {
            PrincipalKind.Tax => Principal.Statistics.ToString(),
            PrincipalKind.Statistics => Principal.Tax.ToString(),
            _ => null,
        };
        var trail = await reads.AuditTrailAsync(state.Id, cancellationToken);
        return TypedResults.Ok(new AuditTrailResponse(
            id,
            [
                .. trail.Where(e => !(e.Type is "figures-booked" or "month-reviewed" && e.By == hidden))
                    .Select(e => new AuditEventView(e.SequenceNr, e.Type, e.At, e.By, e.Reason, new StoredJson(e.Detail))),
            ]));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> LifecycleAsync(
        string id, string? format, HttpContext http, LedgerGateway ledger, CancellationToken cancellationToken)
    {
        var state = await VisibleAsync(id, http.Office(), ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        var lifecycle = new AgreementLifecycle(state, null);
        return (format ?? "mermaid") switch
        {
            "mermaid" => TypedResults.Text(lifecycle.ToMermaid(), "text/plain; charset=utf-8"),
            "dot" => TypedResults.Text(lifecycle.ToDot(), "text/vnd.graphviz; charset=utf-8"),
            _ => Problems.BadField("format", $"'{format}' is not a graph format: mermaid or dot."),
        };
    }

    /// <summary>
    /// The agreement if the route's id is one, it exists and the caller may see it; null answers 404
    /// in every case, so an id of the wrong shape answers as any unknown id does.
    /// </summary>
    private static async Task<AgreementState?> VisibleAsync(string id, Principal office, LedgerGateway ledger, CancellationToken cancellationToken)
    {
        if (!AgreementId.TryParse(id, out var parsed, out _))
        {
            return null;
        }

        var state = await ledger.GetAsync(parsed, cancellationToken);
        return state is not null && Visibility.CanSee(office, state) ? state : null;
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"There is no agreement {id} this office may see.");

    private static Results<Ok<AgreementView>, ProblemHttpResult> Answer(AgreementReply reply) =>
        reply.Rejection is not null
            ? RejectionProblems.ToResult(reply.Rejection)
            : TypedResults.Ok(AgreementViews.From(reply.State!));
}
