namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Why the ledger refused a command. Listed in order of precedence: when several apply, the first one
/// listed is reported. The HTTP status each maps to is part of the API contract (docs/interfaces.md,
/// Errors).
/// </summary>
public enum RejectionCode
{
    /// <summary>The caller may not see the agreement (404).</summary>
    NotFound,

    /// <summary>The caller may see it but not take this action (403).</summary>
    Forbidden,

    /// <summary>The input breaks a rule of its own (400).</summary>
    Invalid,

    /// <summary>The trigger is not allowed in the agreement's current state (409).</summary>
    TriggerNotAllowed,

    /// <summary>Approval would cover an enterprise, indicator and month another agreement covers (409).</summary>
    Overlap,

    /// <summary>A reportId already booked with other content (409).</summary>
    ReportIdReused,

    /// <summary>No approved agreement shares this enterprise and indicator in this month (409).</summary>
    NotCovered,

    /// <summary>The agreement does not accept figures for this month (state, period, suspension, month not ended) (409).</summary>
    MonthNotOpen,

    /// <summary>The revision does not follow the one booked (409).</summary>
    RevisionOutOfOrder,

    /// <summary>The change would alter a month approved in review (409).</summary>
    Locked,

    /// <summary>A formula term's ratios for the figure's year need the apportionment factors of the year before, and none are reported (409).</summary>
    FactorsMissing,

    /// <summary>Certification needs a history figure for every month of a derivation window, and some are missing (409).</summary>
    HistoryIncomplete,

    /// <summary>Approval needs every amount derived from history certified, and one is not (409).</summary>
    HistoryUncertified,
}
