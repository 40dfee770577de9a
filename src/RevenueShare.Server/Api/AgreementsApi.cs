using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Contract;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>/api/agreements</c>: proposing, reading and editing agreements, their lifecycle triggers and
/// amendments, audit trail and lifecycle graph (docs/agreements.md; docs/interfaces.md, Routes). The work
/// is the <see cref="AgreementService"/>'s, shared with the pages; here the HTTP shapes.
/// </summary>
public static class AgreementsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapPost("/", CreateAsync).WithName("CreateAgreement")
            .WithSummary("Propose an agreement (提出新协议)")
            .WithDescription("A district that is a party proposes an agreement; it is created as a Draft with the next number. Cross-field rules (ratios summing to 100, disjoint indicators, the registered district a party, amount scales, at most 60 months, the credit code's check character) are checked here, each problem at its path.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        agreements.MapGet("/", ListAsync).WithName("ListAgreements")
            .WithSummary("List agreements (协议)")
            .WithDescription("The agreements the office may see: a district those it is party to, the city offices all.");
        agreements.MapGet("/{id}", GetAsync).WithName("GetAgreement")
            .WithSummary("Read an agreement")
            .WithDescription("Its terms, state, signatures and amendments.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        agreements.MapPut("/{id}", EditAsync).WithName("EditAgreement")
            .WithSummary("Edit a Draft")
            .WithDescription("The proposer replaces the terms of a Draft; any other state is 409.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        agreements.MapGet("/{id}/events", EventsAsync).WithName("GetAgreementEvents")
            .WithSummary("Audit trail (审计记录)")
            .WithDescription("Every event of the agreement with its instant, office and reason; detail holds the event's own members, by type.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        agreements.MapGet("/{id}/lifecycle", LifecycleAsync).WithName("GetAgreementLifecycle")
            .WithSummary("Lifecycle graph")
            .WithDescription("The agreement's state machine with its current state marked, as Mermaid or Graphviz text.")
            .AnswersText("The graph: text/plain for format=mermaid, text/vnd.graphviz for format=dot.", "text/plain", "text/vnd.graphviz")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        agreements.MapPost("/{id}/amendments", ProposeAmendmentAsync).WithName("ProposeAmendment")
            .WithSummary("Propose an amendment (变更)")
            .WithDescription("A party proposes new sharing terms from a month on; the other parties countersign and finance approves, as for the agreement.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        agreements.MapGet("/{id}/amendments/{number:int}/preview", PreviewAmendmentAsync).WithName("PreviewAmendment")
            .WithSummary("Preview an amendment")
            .WithDescription("What approving pending amendment number would book, per district and indicator and entry by entry, computed by approval's own code and persisted nowhere; blocked says why approval would be refused now. 409 when the amendment is not pending.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        agreements.MapPost("/{id}/amendments/{number:int}/{trigger}", FireAmendmentAsync).WithName("FireAmendmentTrigger")
            .WithSummary("Fire an amendment's trigger")
            .WithDescription("countersign, approve, reject or withdraw amendment number; who may fire which is the lifecycle table (contracts/README.md). A refused trigger is 409 with the triggers permitted now.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        agreements.MapPost("/{id}/{trigger}", FireAsync).WithName("FireAgreementTrigger")
            .WithSummary("Fire a lifecycle trigger")
            .WithDescription("submit, countersign, approve (审批), reject, withdraw, suspend, resume or terminate the agreement. suspend, resume and terminate need from (the month); reject, suspend and terminate a reason. A refused trigger is 409 with the triggers permitted now; approval overlapping another agreement's coverage is 409 coverage-overlap.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<AgreementView>, ProblemHttpResult>> CreateAsync(
        AgreementDocument? document, HttpContext http, AgreementService agreements, CancellationToken cancellationToken)
    {
        var created = await agreements.CreateAsync(http.Office(), document, cancellationToken);
        if (created.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var view = AgreementViews.From(created.Value);
        return TypedResults.Created($"/api/agreements/{Uri.EscapeDataString(view.Id)}", view);
    }

    private static async Task<Ok<AgreementListResponse>> ListAsync(
        HttpContext http, AgreementService agreements, CancellationToken cancellationToken)
    {
        var list = await agreements.ListAsync(http.Office(), cancellationToken);
        return TypedResults.Ok(new AgreementListResponse([.. list.Select(AgreementViews.From)]));
    }

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, AgreementService agreements, CancellationToken cancellationToken) =>
        Answer(await agreements.GetAsync(http.Office(), id, cancellationToken));

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> EditAsync(
        string id, AgreementDocument? document, HttpContext http, AgreementService agreements, CancellationToken cancellationToken) =>
        Answer(await agreements.EditAsync(http.Office(), id, document, cancellationToken));

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> FireAsync(
        string id,
        string trigger,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TriggerRequest? body,
        HttpContext http,
        AgreementService agreements,
        CancellationToken cancellationToken) =>
        Answer(await agreements.FireAsync(http.Office(), id, trigger, body?.Reason, body?.From, cancellationToken));

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> ProposeAmendmentAsync(
        string id, AmendmentRequest? body, HttpContext http, AgreementService agreements, CancellationToken cancellationToken) =>
        Answer(await agreements.ProposeAmendmentAsync(http.Office(), id, body?.From, body?.Terms, cancellationToken));

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> FireAmendmentAsync(
        string id,
        int number,
        string trigger,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TriggerRequest? body,
        HttpContext http,
        AgreementService agreements,
        CancellationToken cancellationToken) =>
        Answer(await agreements.FireAmendmentAsync(http.Office(), id, number, trigger, body?.Reason, cancellationToken));

    private static async Task<Results<Ok<AmendmentPreviewResponse>, ProblemHttpResult>> PreviewAmendmentAsync(
        string id, int number, HttpContext http, AgreementService agreements, CancellationToken cancellationToken)
    {
        var outcome = await agreements.PreviewAmendmentAsync(http.Office(), id, number, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var preview = outcome.Value;
        return TypedResults.Ok(new AmendmentPreviewResponse(
            id,
            preview.Amendment.Number,
            Months.Format(preview.Amendment.From),
            preview.Blocked?.Message,
            [
                .. preview.ByDistrictAndIndicator().Select(c => ChangeView(c.District, c.Indicator, c.Change)),
            ],
            [
                .. preview.Entries.Select(e => new AmendmentEntryView(
                    e.Change.Line.Enterprise.Value,
                    e.Change.Line.Indicator.Code,
                    Months.Format(e.Change.Line.Month),
                    e.Change.Line.District.Value,
                    Amounts.Format(e.Change.Amount, e.Change.Line.Indicator.Scale),
                    Amounts.FormatPercent(e.Change.Line.Ratio))),
            ]));
    }

    private static AmendmentChangeView ChangeView(DistrictCode district, Indicator indicator, decimal change) =>
        new(district.Value, indicator.Code, indicator.Family.WireName(), indicator.Unit, Amounts.Format(change, indicator.Scale));

    private static async Task<Results<Ok<AuditTrailResponse>, ProblemHttpResult>> EventsAsync(
        string id, HttpContext http, AgreementService agreements, CancellationToken cancellationToken)
    {
        var trail = await agreements.AuditTrailAsync(http.Office(), id, cancellationToken);
        if (trail.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        return TypedResults.Ok(new AuditTrailResponse(
            id,
            [.. trail.Value.Select(e => new AuditEventView(e.SequenceNr, e.Type, e.At, e.By, e.Reason, new StoredJson(e.Detail)))]));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> LifecycleAsync(
        string id, string? format, HttpContext http, AgreementService agreements, CancellationToken cancellationToken)
    {
        var lifecycle = await agreements.LifecycleAsync(http.Office(), id, cancellationToken);
        if (lifecycle.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        return (format ?? "mermaid") switch
        {
            "mermaid" => TypedResults.Text(lifecycle.Value.ToMermaid(), "text/plain; charset=utf-8"),
            "dot" => TypedResults.Text(lifecycle.Value.ToDot(), "text/vnd.graphviz; charset=utf-8"),
            _ => Problems.BadField("format", $"'{format}' is not a graph format: mermaid or dot."),
        };
    }

    private static Results<Ok<AgreementView>, ProblemHttpResult> Answer(Outcome<AgreementState> outcome) =>
        outcome.IsRefused(out var refusal)
            ? RejectionProblems.ToResult(refusal)
            : TypedResults.Ok(AgreementViews.From(outcome.Value));
}
