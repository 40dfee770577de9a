using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Decides a certification of an enterprise's history (docs/allocation.md, history and derived
/// amounts): the office that reports a family certifies the indicators of its family that a derived
/// amount needs, once every month of the window has a figure, while the agreement awaits countersignature
/// or approval. What it certifies is frozen, and the amounts whose history is then all certified are
/// computed and recorded with it.
/// </summary>
internal static class HistoryCertifying
{
    public static Decision Decide(AgreementState state, CertifyHistory command, Instant now)
    {
        if (command.By != Principal.Tax && command.By != Principal.Statistics)
        {
            return Refused(RejectionCode.Forbidden, "Only the tax office and the statistics bureau certify history: each certifies the figures it reports.", null);
        }

        if (state.Status is not (AgreementStatus.AwaitingCountersign or AgreementStatus.AwaitingApproval))
        {
            return Refused(RejectionCode.TriggerNotAllowed, $"Agreement {state.Id} is {state.Status}: history is certified while the agreement awaits countersignature or approval.", null);
        }

        if (state.Terms.Enterprises.FirstOrDefault(e => e.Id == command.Enterprise) is not { } enterprise)
        {
            return Refused(RejectionCode.NotFound, $"Agreement {state.Id} does not cover enterprise {command.Enterprise}.", null);
        }

        var amounts = enterprise.DerivedAmounts(state.Terms.Effective.From);
        var windows = WindowsByIndicator(amounts);
        var chosen = Chosen(state, command, windows);
        if (chosen.IsRefused)
        {
            return Decision.Refused(chosen.Refusal!);
        }

        var missing = chosen.Indicators
            .SelectMany(indicator => windows[indicator].Where(month => state.HistoryOf(enterprise.Id, indicator, month) is null).Select(month => (indicator, month)))
            .ToList();
        if (missing.Count > 0)
        {
            var listed = missing.GroupBy(m => m.indicator).Select(g => $"{g.Key.Code} {MonthList.Format(g.Select(m => m.month))}");
            return Refused(RejectionCode.HistoryIncomplete, $"The history of {enterprise.Id} is incomplete, and every month of the derivation window needs a figure; missing: {string.Join("; ", listed)}.", null);
        }

        var history = chosen.Indicators
            .Select(indicator => new CertifiedHistory(indicator, [.. windows[indicator].Select(month => state.CurrentHistory[(enterprise.Id, indicator, month)])]))
            .ToImmutableArray();
        var certified = history.ToDictionary(h => h.Indicator);
        decimal? Frozen(Indicator indicator, YearMonth month) =>
            certified.TryGetValue(indicator, out var fresh) ? fresh.Figures.FirstOrDefault(f => f.Month == month)?.Amount
            : state.Certified.TryGetValue((enterprise.Id, indicator), out var earlier) ? earlier.History.Single(h => h.Indicator == indicator).Figures.FirstOrDefault(f => f.Month == month)?.Amount
            : null;

        var known = amounts
            .Where(a => !a.Certified && a.Indicators.All(i => certified.ContainsKey(i) || state.Certified.ContainsKey((enterprise.Id, i))))
            .Select(a => a.Compute(Frozen))
            .ToImmutableArray();
        return Decision.Accepted(new HistoryCertified(state.Id, enterprise.Id, history, known, now, command.By));
    }

    /// <summary>
    /// The refusal of approval while an amount derived from history is not certified, naming the first:
    /// enterprises in the terms' order, each one's cap before its baselines. Null when none is left.
    /// </summary>
    internal static Rejection? Uncertified(AgreementState state)
    {
        foreach (var enterprise in state.Terms.Enterprises)
        {
            if (enterprise.DerivedAmounts(state.Terms.Effective.From).FirstOrDefault(a => !a.Certified) is { } amount)
            {
                var uncertified = amount.Indicators.Where(i => !state.Certified.ContainsKey((enterprise.Id, i))).ToList();
                var by = uncertified.Select(i => Principal.ReporterOf(i.Family)).Distinct().Select(p => p.ToString());
                var window = amount.Window;
                return new Rejection(
                    RejectionCode.HistoryUncertified,
                    $"Enterprise {enterprise.Id}: {amount.Describe()} derives from its history of {window.FirstYear} to {window.FirstYear + window.Years - 1}, and the history of {string.Join(", ", uncertified.Select(i => i.Code))} is not certified yet ({string.Join(" and ", by)} certifies it).");
            }
        }

        return null;
    }

    /// <summary>For each indicator a derived amount of the enterprise needs, the months of the longest window that needs it, in order.</summary>
    private static Dictionary<Indicator, YearMonth[]> WindowsByIndicator(IReadOnlyList<DerivedAmount> amounts)
    {
        var windows = new Dictionary<Indicator, DerivationWindow>();
        foreach (var amount in amounts)
        {
            foreach (var indicator in amount.Indicators)
            {
                if (!windows.TryGetValue(indicator, out var window) || amount.Window.Years > window.Years)
                {
                    windows[indicator] = amount.Window;
                }
            }
        }

        return windows.ToDictionary(w => w.Key, w => w.Value.Months.ToArray());
    }

    /// <summary>The indicators to certify: those named, or every one of the caller's family still to certify; or the refusal.</summary>
    private static Choice Chosen(AgreementState state, CertifyHistory command, Dictionary<Indicator, YearMonth[]> windows)
    {
        var enterprise = command.Enterprise;
        var family = command.By == Principal.Tax ? IndicatorFamily.Tax : IndicatorFamily.Statistics;
        if (command.Indicators.IsEmpty)
        {
            var needed = windows.Keys.Where(i => i.Family == family).OrderBy(i => i.Order).ToList();
            if (needed.Count == 0)
            {
                return Choice.Refused(new Rejection(RejectionCode.TriggerNotAllowed, $"No amount of {enterprise} derives from the history of {family.ToString().ToLowerInvariant()} indicators: there is nothing for {command.By} to certify."));
            }

            var open = needed.Where(i => !state.Certified.ContainsKey((enterprise, i))).ToImmutableArray();
            return open.IsEmpty
                ? Choice.Refused(AlreadyCertified(state, enterprise, needed[0]))
                : new Choice(open, null);
        }

        for (var k = 0; k < command.Indicators.Length; k++)
        {
            var indicator = command.Indicators[k];
            var path = $"$.indicators[{k}]";
            if (indicator.Family != family)
            {
                return Choice.Refused(new Rejection(RejectionCode.Forbidden, $"{indicator.Code} is a {indicator.Family.ToString().ToLowerInvariant()} indicator: only {Principal.ReporterOf(indicator.Family)} certifies its history.", path));
            }

            if (!windows.ContainsKey(indicator))
            {
                return Choice.Refused(new Rejection(RejectionCode.Invalid, $"No amount of {enterprise} derives from the history of {indicator.Code}: it has nothing to certify.", path));
            }

            if (state.Certified.ContainsKey((enterprise, indicator)))
            {
                return Choice.Refused(AlreadyCertified(state, enterprise, indicator) with { Path = path });
            }
        }

        return new Choice([.. command.Indicators.Distinct().OrderBy(i => i.Order)], null);
    }

    private static Rejection AlreadyCertified(AgreementState state, CreditCode enterprise, Indicator indicator)
    {
        var certified = state.Certified[(enterprise, indicator)];
        return new Rejection(RejectionCode.TriggerNotAllowed, $"The history of {enterprise} for {indicator.Code} was certified by {certified.By} at {certified.At}, and a certification is frozen for the agreement's life.");
    }

    private static Decision Refused(RejectionCode code, string message, string? path) =>
        Decision.Refused(new Rejection(code, message, path));

    private sealed record Choice(ImmutableArray<Indicator> Indicators, Rejection? Refusal)
    {
        public bool IsRefused => Refusal is not null;

        public static Choice Refused(Rejection refusal) => new([], refusal);
    }
}
