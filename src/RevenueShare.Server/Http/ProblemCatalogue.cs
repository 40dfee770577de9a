namespace RevenueShare.Server.Http;

/// <summary>
/// Every problem type the API answers with (docs/interfaces.md, Errors). The answers are built only from
/// these entries, the OpenAPI document prints them (<c>x-problem-types</c>, and each operation's error
/// responses), and contracts/README.md lists them; a test holds the three to this list.
/// </summary>
public static class ProblemCatalogue
{
    public static readonly ProblemType InvalidRequest = new(
        "invalid-request", StatusCodes.Status400BadRequest, "The request is invalid.",
        "A body, parameter or file breaks the contract or a rule of its own; errors[] names each field at fault (a body's member by its JSON path, a parameter by its name), including a figure batch or file over its limits (10,000 reports, an 8 MiB file). Nothing was changed.");

    public static readonly ProblemType BatchRejected = new(
        "batch-rejected", StatusCodes.Status400BadRequest, "No report of the batch was accepted.",
        "No report of a figure batch was booked: the status is the first report's (400, 403, 404 or 409), results[] holds every report's outcome and errors[] their fields. Nothing was booked.");

    public static readonly ProblemType Unauthorized = new(
        "unauthorized", StatusCodes.Status401Unauthorized, "Authentication is required.",
        "No bearer token, or one that is unknown, revoked or malformed.");

    public static readonly ProblemType Forbidden = new(
        "forbidden", StatusCodes.Status403Forbidden, "This office may not do that.",
        "The office may see the resource but not take this action, or not read this report (the route × office table of contracts/README.md).");

    public static readonly ProblemType NotFound = new(
        "not-found", StatusCodes.Status404NotFound, "Not found.",
        "The resource does not exist, or the office may not see it: the two look alike on purpose. Also an unknown lifecycle trigger.");

    public static readonly ProblemType MethodNotAllowed = new(
        "method-not-allowed", StatusCodes.Status405MethodNotAllowed, "This method is not allowed here.",
        "The route exists but not with this method; Allow lists the methods it takes.");

    public static readonly ProblemType Conflict = new(
        "conflict", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "A conflict with the ledger's state that has no type of its own.");

    public static readonly ProblemType TriggerNotAllowed = new(
        "trigger-not-allowed", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "The lifecycle trigger (or an edit, an amendment, a preview) is not allowed in the agreement's current state; permittedTriggers[] lists those that are.");

    public static readonly ProblemType CoverageOverlap = new(
        "coverage-overlap", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "Approval would cover an enterprise, indicator and month that another approved agreement covers; collidesWith names it.");

    public static readonly ProblemType ReportIdReused = new(
        "report-id-reused", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "The reportId was booked before with other content. The same report sent again is not an error: it comes back duplicate.");

    public static readonly ProblemType NotCovered = new(
        "not-covered", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "No approved agreement shares this enterprise and indicator in this month.");

    public static readonly ProblemType MonthNotOpen = new(
        "month-not-open", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "The agreement does not take figures for this month: its state, its effective period, a suspension, or the month has not ended.");

    public static readonly ProblemType RevisionOutOfOrder = new(
        "revision-out-of-order", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "The revision does not follow the one booked for this enterprise, indicator and month.");

    public static readonly ProblemType MonthLocked = new(
        "month-locked", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "The change would alter a month its family's office approved in review.");

    public static readonly ProblemType FactorsMissing = new(
        "factors-missing", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "A formula term takes the ratios of a year from the apportionment factors of the year before, and none are reported for the enterprise yet.");

    public static readonly ProblemType HistoryIncomplete = new(
        "history-incomplete", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "A certification needs a history figure for every month of the derivation window of each indicator certified; the detail lists the months missing.");

    public static readonly ProblemType HistoryUncertified = new(
        "history-uncertified", StatusCodes.Status409Conflict, "The request conflicts with the ledger's state.",
        "An approval needs every cap and baseline derived from history certified; the detail names the enterprise and indicator whose history is not.");

    public static readonly ProblemType TooLarge = new(
        "too-large", StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
        "A request body over 16 MiB. Nothing was changed.");

    public static readonly ProblemType UriTooLong = new(
        "uri-too-long", StatusCodes.Status414UriTooLong, "The request line is too long.",
        "Any request whose request line is over 8 KiB.");

    public static readonly ProblemType UnsupportedMediaType = new(
        "unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, "The body's media type is not accepted here.",
        "A body whose Content-Type the route does not take, or a body without one.");

    public static readonly ProblemType HeadersTooLarge = new(
        "headers-too-large", StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request's headers are too large.",
        "Any request with more than 100 header lines or over 32 KiB of them.");

    public static readonly ProblemType AuthenticationThrottled = new(
        "authentication-throttled", StatusCodes.Status429TooManyRequests, "Too many failed authentications from this address.",
        "Ten failed authentications from the caller's address within a minute: every request from it is refused until Retry-After (seconds) has passed.");

    public static readonly ProblemType Busy = new(
        "busy", StatusCodes.Status429TooManyRequests, "The ledger is busy; send the batch again later.",
        "A figure batch or import refused because the read side lags behind acknowledged writes: nothing of it was booked; send it again, unchanged, after Retry-After seconds.");

    public static readonly ProblemType Unavailable = new(
        "unavailable", StatusCodes.Status503ServiceUnavailable, "The service is not ready.",
        "The service is starting (the demo is being loaded), or the read side has not caught up within 30 s; Retry-After when known.");

    public static readonly ProblemType Internal = new(
        "internal", StatusCodes.Status500InternalServerError, "The server failed; the request may be retried.",
        "An unexpected failure (500, or another 5xx but 503).");

    /// <summary>
    /// The name of a status the framework answers that has no entry of its own (a 406, say):
    /// <c>status-</c> and the code, titled <see cref="OtherStatusTitle"/>.
    /// </summary>
    public const string OtherStatusPrefix = "status-";

    public const string OtherStatusTitle = "The request failed.";

    /// <summary>The catalogue, in the order the contract prints it (by status).</summary>
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        InvalidRequest, BatchRejected, Unauthorized, Forbidden, NotFound, MethodNotAllowed,
        Conflict, TriggerNotAllowed, CoverageOverlap, ReportIdReused, NotCovered, MonthNotOpen, RevisionOutOfOrder, MonthLocked, FactorsMissing, HistoryIncomplete, HistoryUncertified,
        TooLarge, UriTooLong, UnsupportedMediaType, AuthenticationThrottled, Busy, HeadersTooLarge, Internal, Unavailable,
    ];
}
