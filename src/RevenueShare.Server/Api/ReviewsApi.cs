using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>/api/agreements/{id}/months/{month}/reviews</c> (docs/review.md; docs/interfaces.md, Routes): the
/// family's office approves, disputes or reopens a month for its own family; an approved month is locked
/// for that family. The work is the <see cref="ReviewService"/>'s, shared with the pages; here the
/// HTTP shapes.
/// </summary>
public static class ReviewsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/agreements/{id}/months/{month}/reviews").WithTags("Reviews");
        reviews.MapGet("/", GetAsync).WithName("GetMonthReviews")
            .WithSummary("Read a month's reviews (月度审核)")
            .WithDescription("Each family's review status of the month, whether it is locked, and every decision.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        reviews.MapPost("/", ReviewAsync).WithName("ReviewMonth")
            .WithSummary("Review a month")
            .WithDescription("The tax office or the statistics bureau approves (确认), disputes (提出异议) or reopens (重新打开) the month for its own family; dispute and reopen need a reason. An approved month is locked for that family.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<MonthReviewsResponse>, ProblemHttpResult>> GetAsync(
        string id, string month, HttpContext http, ReviewService reviews, CancellationToken cancellationToken) =>
        Answer(await reviews.GetAsync(http.Office(), id, month, cancellationToken));

    private static async Task<Results<Ok<MonthReviewsResponse>, ProblemHttpResult>> ReviewAsync(
        string id,
        string month,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReviewRequest? body,
        HttpContext http,
        ReviewService reviews,
        CancellationToken cancellationToken) =>
        Answer(await reviews.ReviewAsync(http.Office(), id, month, body?.Decision, body?.Reason, cancellationToken));

    private static Results<Ok<MonthReviewsResponse>, ProblemHttpResult> Answer(Outcome<MonthReviews> outcome)
    {
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var reviews = outcome.Value;
        return TypedResults.Ok(new MonthReviewsResponse(
            reviews.Agreement.Value,
            Months.Format(reviews.Month),
            [
                .. reviews.Families.Select(f => new FamilyReviewView(
                    f.Family.WireName(),
                    f.Status is { } status ? ReviewRow.NameOf(status) : null,
                    f.Locked,
                    [.. f.Decisions.Select(d => new ReviewDecisionView(d.SequenceNr, d.Decision, d.Reason, d.At, d.By))])),
            ]));
    }
}
