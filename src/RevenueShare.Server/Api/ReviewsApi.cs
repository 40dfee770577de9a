using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>/api/agreements/{id}/months/{month}/reviews</c> (docs/review.md; docs/interfaces.md, Routes): the
/// family's office approves, disputes or reopens a month for its own family; an approved month is locked
/// for that family. Reading follows need to know (docs/users-and-rights.md): <c>tax</c> and
/// <c>statistics</c> see their own family, <c>finance</c> and the parties both; an agreement the caller
/// may not see answers 404.
/// </summary>
public static class ReviewsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/agreements/{id}/months/{month}/reviews").WithTags("Reviews");
        reviews.MapGet("/", GetAsync).WithName("GetMonthReviews");
        reviews.MapPost("/", ReviewAsync).WithName("ReviewMonth");
    }

    private static async Task<Results<Ok<MonthReviewsResponse>, ProblemHttpResult>> GetAsync(
        string id, string month, HttpContext http, LedgerGateway ledger, ReadModel reads, CancellationToken cancellationToken)
    {
        var office = http.Office();
        var state = await VisibleAsync(id, office, ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        if (!Months.TryParse(month, out var parsed, out var error))
        {
            return Problems.BadField("month", error);
        }

        return TypedResults.Ok(await ViewAsync(state.Id, parsed, office, reads, cancellationToken));
    }

    private static async Task<Results<Ok<MonthReviewsResponse>, ProblemHttpResult>> ReviewAsync(
        string id,
        string month,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReviewRequest? body,
        HttpContext http,
        LedgerGateway ledger,
        ReadModel reads,
        CancellationToken cancellationToken)
    {
        var office = http.Office();
        var state = await VisibleAsync(id, office, ledger, cancellationToken);
        if (state is null)
        {
            return NotFound(id);
        }

        if (!Months.TryParse(month, out var parsed, out var error))
        {
            return Problems.BadField("month", error);
        }

        if (office.Kind is not (PrincipalKind.Tax or PrincipalKind.Statistics))
        {
            return Problems.Forbidden("Only tax (tax months) and statistics (statistical months) review months.");
        }

        if (!TryParseDecision(body?.Decision, out var decision))
        {
            return Problems.BadField("$.decision", body?.Decision is null
                ? "A decision is required: approve, dispute or reopen."
                : $"'{body.Decision}' is not a decision: approve, dispute or reopen.");
        }

        var family = office.Kind == PrincipalKind.Tax ? IndicatorFamily.Tax : IndicatorFamily.Statistics;
        var reply = await ledger.SendAsync(new ReviewMonth(state.Id, office, parsed, family, decision, body!.Reason), cancellationToken);
        if (reply.Rejection is not null)
        {
            return RejectionProblems.ToResult(reply.Rejection);
        }

        return TypedResults.Ok(await ViewAsync(state.Id, parsed, office, reads, cancellationToken));
    }

    private static async Task<MonthReviewsResponse> ViewAsync(AgreementId id, YearMonth month, Principal office, ReadModel reads, CancellationToken cancellationToken)
    {
        var statuses = await reads.ReviewsAsync(id, month, cancellationToken);
        var decisions = await reads.ReviewHistoryAsync(id, month, cancellationToken);
        var families = Visibility.Families(office)
            .Select(family =>
            {
                var status = statuses.FirstOrDefault(s => s.Family == family)?.Status;
                var history = decisions
                    .Where(d => d.Family == family)
                    .Select(d => new ReviewDecisionView(d.SequenceNr, d.Decision, d.Reason, d.At, d.By))
                    .ToList();
                return new FamilyReviewView(family, status, status == ReviewRow.NameOf(ReviewStatus.Approved), history);
            })
            .ToList();
        return new MonthReviewsResponse(id.Value, Months.Format(month), families);
    }

    private static bool TryParseDecision(string? text, out ReviewDecision decision)
    {
        (var known, decision) = text switch
        {
            "approve" => (true, ReviewDecision.Approve),
            "dispute" => (true, ReviewDecision.Dispute),
            "reopen" => (true, ReviewDecision.Reopen),
            _ => (false, default),
        };
        return known;
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
}
