using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// The invariants of each agreement as its journal rebuilds it (<see cref="ReplayedAgreement"/>), by the
/// domain's own rules: the journal replays; every current figure's parts sum to it (the non-double-count
/// lines; nothing for a figure the terms no longer share, docs/allocation.md); what the entries booked
/// equals what was reported, per month and indicator (the reconciliation's difference is zero); and the
/// booked lines are those the allocation engine computes from the current figures and rules, so a new
/// booking of the same figures would book nothing (<see cref="AllocationDelta.Between"/>).
/// </summary>
internal sealed class AgreementInvariants
{
    private readonly InvariantTally replays = new("every agreement's journal replays");
    private readonly InvariantTally parts = new("parts sum to figures, for every figure");
    private readonly InvariantTally allocated = new("allocated = reported per agreement, month and indicator");
    private readonly InvariantTally engine = new("booked lines = the allocation engine's, for every enterprise");

    public long Figures { get; private set; }

    public void ReplayFailed(string persistenceId, long sequenceNr, Exception error) =>
        replays.Check(false, () => $"{persistenceId}: event {sequenceNr} does not replay: {error.Message}");

    public void Check(ReplayedAgreement agreement)
    {
        replays.Check(true, () => string.Empty);
        if (agreement.State is not { } state)
        {
            return;
        }

        var reported = new Dictionary<(NodaTime.YearMonth Month, Indicator Indicator), decimal>();
        foreach (var enterprise in state.Terms.Enterprises)
        {
            if (!state.Books.TryGetValue(enterprise.Id, out var book))
            {
                continue;
            }

            foreach (var month in book.Months)
            {
                foreach (var figure in month.Figures)
                {
                    Figures++;
                    var covered = state.Rules.TermFor(figure.Indicator, figure.Month) is not null;
                    var expected = covered ? figure.Amount : 0m;
                    var sum = month.Lines.Where(l => l.Indicator == figure.Indicator && !l.DoubleCount).Sum(l => l.Amount);
                    parts.Check(sum == expected, () => $"{state.Id} {figure.Enterprise} {figure.Indicator.Code} {Months.Format(figure.Month)}: the parts sum to {sum}, the figure ({figure.ReportId}) is {expected}");
                    if (covered)
                    {
                        var key = (figure.Month, figure.Indicator);
                        reported[key] = reported.GetValueOrDefault(key) + figure.Amount;
                    }
                }
            }

            var recomputed = AllocationEngine.AllocateEnterprise(state.Rules, enterprise, book.CoveredFigures(state.Rules));
            var changes = AllocationDelta.Between(book.LinesInPartyOrder(state.Rules), recomputed);
            engine.Check(changes.Count == 0, () => Describe(state.Id, changes[0]));
        }

        foreach (var key in reported.Keys.Union(agreement.Allocated.Keys).OrderBy(k => k.Month).ThenBy(k => k.Indicator.Order))
        {
            var (month, indicator) = key;
            var figures = reported.GetValueOrDefault(key);
            var entries = agreement.Allocated.GetValueOrDefault(key);
            allocated.Check(figures == entries, () => $"{state.Id} {indicator.Code} {Months.Format(month)}: entries allocate {entries}, figures report {figures}");
        }
    }

    public IEnumerable<InvariantCheck> Results() => [replays.Result(), parts.Result(), allocated.Result(), engine.Result()];

    private static string Describe(AgreementId agreement, AllocationChange change)
    {
        var line = change.Line;
        return $"{agreement} {line.Enterprise} {line.Indicator.Code} {Months.Format(line.Month)} {line.District}: the engine gives {line.Amount}, the books hold {line.Amount - change.Amount}";
    }
}
