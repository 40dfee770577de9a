using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Api.Wire;
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
        agreements.MapPost("/", CreateAsync).WithName("CreateAgreement");
        agreements.MapGet("/", ListAsync).WithName("ListAgreements");
        agreements.MapGet("/{id}", GetAsync).WithName("GetAgreement");
        agreements.MapPut("/{id}", EditAsync).WithName("EditAgreement");
        agreements.MapGet("/{id}/events", EventsAsync).WithName("GetAgreementEvents");
        agreements.MapGet("/{id}/lifecycle", LifecycleAsync).WithName("GetAgreementLifecycle");
        agreements.MapPost("/{id}/amendments", ProposeAmendmentAsync).WithName("ProposeAmendment");
        agreements.MapGet("/{id}/amendments/{number:int}/preview", PreviewAmendmentAsync).WithName("PreviewAmendment");
        agreements.MapPost("/{id}/amendments/{number:int}/{trigger}", FireAmendmentAsync).WithName("FireAmendmentTrigger");
        agreements.MapPost("/{id}/{trigger}", FireAsync).WithName("FireAgreementTrigger");
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
