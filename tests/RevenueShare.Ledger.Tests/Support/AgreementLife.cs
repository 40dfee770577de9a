using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Ledger.Tests.Support;

/// <summary>
/// A random agreement's life as its actor journals it, for the recovery tests. It takes the parties,
/// enterprises and terms of a <see cref="Scenario"/> (tax split, statistics split or double-count,
/// baselines, caps, tied ratios): created, sometimes edited, submitted, countersigned by every other
/// party, approved; then a run of steps — figure batches of either family (first reports, restatements,
/// reports resent as they were, reports at a stale revision), reviews (approve, dispute, reopen),
/// amendments (proposed, countersigned, approved, rejected or withdrawn; some turn the tax term to
/// formula mode), apportionment factors of 2024 and 2025 (first reports and restatements), history
/// restatements, suspension and resumption, and now and then a termination. Sometimes the first
/// enterprise's cap derives from a year of history instead, reported and certified before approval. Each command is decided by <see cref="AgreementDecider"/> over the
/// state so far, as the actor decides it; a command it refuses whole is left out, so
/// <see cref="Events"/> is always a history the ledger could hold.
/// </summary>
internal sealed record AgreementLife(ImmutableArray<IAgreementCommand> Commands, ImmutableArray<IAgreementEvent> Events)
{
    /// <summary>2026-06-15 10:00 in Shanghai: every month of the scenario (2025-10..2026-03) has ended.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 6, 15, 2, 0);

    public static readonly AgreementId Id = AgreementId.Parse(AgreementHistory.Id);

    private const string Reason = "市财政局 2026 年第 1 号通知";

    private static readonly string[] TaxIndicators = ["vat", "cit"];
    private static readonly string[] OutputIndicators = ["industrial-output"];

    /// <summary>Lives of up to 40 steps after approval.</summary>
    public static Arbitrary<AgreementLife> Any { get; } = Arb.From(Of(Gen.Choose(0, 40)));

    /// <summary>Lives whose number of steps after approval <paramref name="steps"/> gives.</summary>
    public static Gen<AgreementLife> Of(Gen<int> steps) =>
        from scenario in Scenario.Any.Generator
        from edited in Gen.Elements(false, true)
        from derived in Gen.Elements(false, true)
        from count in steps
        from plan in Gen.ArrayOf(Step(scenario.Rules.Parties.Length), count)
        select Live(scenario.Rules, edited, derived, plan);

    /// <summary>The state after the first <paramref name="count"/> events, replayed from nothing.</summary>
    public AgreementState StateAfter(int count) => AgreementHistory.Apply(null, Events.Take(count));

    public override string ToString() =>
        $"{Events.Length} events from {Commands.Length} commands:{Environment.NewLine}" + string.Join(Environment.NewLine, Commands);

    private static AgreementLife Live(AgreementRules rules, bool edited, bool derived, IReadOnlyList<IPlannedStep> plan)
    {
        var commands = ImmutableArray.CreateBuilder<IAgreementCommand>();
        var events = ImmutableArray.CreateBuilder<IAgreementEvent>();
        AgreementState? state = null;
        void Try(IAgreementCommand? command)
        {
            if (command is null)
            {
                return;
            }

            var decision = AgreementDecider.Decide(state, command, Now);
            if (decision.Events.IsEmpty)
            {
                return;
            }

            commands.Add(command);
            events.AddRange(decision.Events);
            state = AgreementHistory.Apply(state, decision.Events);
        }

        var parties = rules.Parties.Select(p => Principal.ForDistrict(p.District)).ToArray();
        var enterprises = rules.Enterprises;
        if (derived && enterprises[0].Cap is { } agreed)
        {
            enterprises = enterprises.SetItem(0, enterprises[0] with { Cap = agreed with { Amount = 0m, Derived = new Derivation(1, Certified: false) } });
        }

        var terms = new AgreementTerms(
            "性质测试", AgreementModel.HqRndManufacturing, rules.Parties, new EffectivePeriod(rules.Versions[0].From, new YearMonth(2027, 12)), enterprises, rules.Versions[0].Terms);
        Try(new CreateAgreement(Id, parties[0], terms));
        if (edited)
        {
            Try(new EditDraft(Id, parties[0], terms with { Title = "性质测试（修订）" }));
        }

        Try(new FireTrigger(Id, parties[0], LifecycleTrigger.Submit, null, null));
        foreach (var party in parties.Skip(1))
        {
            Try(new FireTrigger(Id, party, LifecycleTrigger.Countersign, null, null));
        }

        if (enterprises[0].Cap is { Derived: not null } cap)
        {
            // A year of history whose sum is the agreed cap the scenario had, certified by the office of its family.
            var window = Domain.History.DerivationWindow.Before(terms.Effective.From, 1);
            var each = Amounts.Round(rules.Enterprises[0].Cap!.Amount / (12 * cap.Indicators.Length), cap.Indicators.Min(i => i.Scale));
            var reporter = Principal.ReporterOf(cap.Indicators[0].Family);
            Try(new ReportHistory(Id, reporter, [.. cap.Indicators.SelectMany(i => window.Months.Select(m => new FigureReport($"历史-{i.Code}-{Months.Format(m)}", enterprises[0].Id, i, m, each, 1)))]));
            Try(new CertifyHistory(Id, reporter, enterprises[0].Id, []));
        }

        Try(new FireTrigger(Id, Principal.Finance, LifecycleTrigger.Approve, "符合政策", null));
        foreach (var step in plan)
        {
            Try(step.Command(state!, parties));
        }

        return new AgreementLife(commands.ToImmutable(), events.ToImmutable());
    }

    /// <summary>
    /// Batches most often; reviews of the first three months only, so that an amendment from a later
    /// month (which must start after every reviewed month) stays possible; the amendment's triggers
    /// often enough for one to pass all its countersignatures and be approved.
    /// </summary>
    private static Gen<IPlannedStep> Step(int parties) => Gen.Frequency(
        (8, Batch()),
        (3, from month in Gen.Choose(0, 2)
            from family in Gen.Elements(IndicatorFamily.Tax, IndicatorFamily.Statistics)
            from decision in Gen.Elements(ReviewDecision.Approve, ReviewDecision.Dispute, ReviewDecision.Reopen, ReviewDecision.Reopen)
            select (IPlannedStep)new ReviewStep(month, family, decision)),
        (3, from month in Gen.Choose(1, Scenario.FigureMonths.Count - 1)
            from ratios in Scenario.Ratios(parties)
            from formula in Gen.Elements<decimal?>(null, 50m, 0m, 33.33m)
            select (IPlannedStep)new ProposeStep(month, ratios, formula)),
        (4, from year in Gen.Elements(2024, 2025)
            from enterprise in Gen.Choose(0, 1)
            from factors in Gen.ArrayOf(Gen.Elements(0m, 0m, 1.00m, 250.50m, 1000.00m), parties * ApportionmentFactors.Count)
            select (IPlannedStep)new FactorStep(year, enterprise, factors)),
        (5, from trigger in Gen.Frequency(
                (4, Gen.Constant(LifecycleTrigger.CountersignAmendment)),
                (3, Gen.Constant(LifecycleTrigger.ApproveAmendment)),
                (1, Gen.Constant(LifecycleTrigger.RejectAmendment)),
                (1, Gen.Constant(LifecycleTrigger.WithdrawAmendment)))
            select (IPlannedStep)new AmendmentStep(trigger)),
        (1, from month in Gen.Choose(0, 11)
            from amount in Gen.Choose(0, 100_000).Select(u => u / 100m)
            select (IPlannedStep)new HistoryStep(month, amount)),
        (2, from trigger in Gen.Frequency(
                (2, Gen.Constant(LifecycleTrigger.Suspend)),
                (3, Gen.Constant(LifecycleTrigger.Resume)),
                (1, Gen.Constant(LifecycleTrigger.Terminate)))
            from month in Gen.Choose(0, Scenario.FigureMonths.Count)
            select (IPlannedStep)new TriggerStep(trigger, month)));

    private static Gen<IPlannedStep> Batch() =>
        from family in Gen.Elements(IndicatorFamily.Tax, IndicatorFamily.Statistics)
        from count in Gen.Choose(1, 5)
        from reports in Gen.ArrayOf(Report(family), count)
        select (IPlannedStep)new BookStep(family, reports);

    private static Gen<PlannedReport> Report(IndicatorFamily family) =>
        from enterprise in Gen.Choose(0, 1)
        from indicator in Gen.Elements(family == IndicatorFamily.Tax ? TaxIndicators : OutputIndicators).Select(Catalogue.Indicator)
        from month in Gen.Choose(0, Scenario.FigureMonths.Count - 1)
        from amount in Scenario.Amount(allowNegative: true, indicator.Scale)
        from kind in Gen.Frequency((5, Gen.Constant(ReportKind.Next)), (1, Gen.Constant(ReportKind.Resent)), (1, Gen.Constant(ReportKind.Stale)))
        select new PlannedReport(enterprise, indicator, month, amount, kind);

    /// <summary>One step of the plan: the command it makes of the state so far (null when it makes none).</summary>
    private interface IPlannedStep
    {
        IAgreementCommand? Command(AgreementState state, Principal[] parties);
    }

    private enum ReportKind
    {
        /// <summary>The next revision of its figure: a first report, or a restatement of the current one.</summary>
        Next,

        /// <summary>A report already booked, sent again as it was: a duplicate.</summary>
        Resent,

        /// <summary>The current revision of its figure again under a new reportId: refused as out of order.</summary>
        Stale,
    }

    private sealed record PlannedReport(int Enterprise, Indicator Indicator, int Month, decimal Amount, ReportKind Kind);

    private sealed record BookStep(IndicatorFamily Family, PlannedReport[] Reports) : IPlannedStep
    {
        public IAgreementCommand? Command(AgreementState state, Principal[] parties)
        {
            var reports = ImmutableArray.CreateBuilder<FigureReport>();
            var revisions = new Dictionary<(CreditCode, Indicator, YearMonth), int>();
            foreach (var planned in Reports)
            {
                var enterprise = state.Terms.Enterprises[planned.Enterprise % state.Terms.Enterprises.Length].Id;
                var month = Scenario.FigureMonths[planned.Month];
                var key = (enterprise, planned.Indicator, month);
                var current = revisions.TryGetValue(key, out var batched) ? batched : state.Books.GetValueOrDefault(enterprise)?.Current(planned.Indicator, month)?.Revision ?? 0;
                var reportId = $"{(Family == IndicatorFamily.Tax ? "税" : "统")}-{state.Version}-{reports.Count}";
                switch (planned.Kind)
                {
                    case ReportKind.Resent when state.Reports.Count > 0:
                        reports.Add(state.Reports.Values.OrderBy(r => r.ReportId, StringComparer.Ordinal).ElementAt(planned.Month % state.Reports.Count));
                        break;
                    case ReportKind.Stale when current > 0:
                        reports.Add(new FigureReport(reportId, enterprise, planned.Indicator, month, planned.Amount, current));
                        break;
                    default:
                        revisions[key] = current + 1;
                        reports.Add(new FigureReport(reportId, enterprise, planned.Indicator, month, planned.Amount, current + 1));
                        break;
                }
            }

            return new BookFigures(state.Id, Principal.ReporterOf(Family), reports.ToImmutable());
        }
    }

    private sealed record ReviewStep(int Month, IndicatorFamily Family, ReviewDecision Decision) : IPlannedStep
    {
        public IAgreementCommand? Command(AgreementState state, Principal[] parties) =>
            new ReviewMonth(state.Id, Principal.ReporterOf(Family), Scenario.FigureMonths[Month], Family, Decision, Decision == ReviewDecision.Approve ? null : Reason);
    }

    /// <summary>
    /// An amendment from a month of the scenario: new tax ratios, or (with <paramref name="HqPercent"/>)
    /// the tax term by the formula with the first party the head office; the statistics term kept.
    /// </summary>
    private sealed record ProposeStep(int Month, decimal[] Ratios, decimal? HqPercent) : IPlannedStep
    {
        public IAgreementCommand? Command(AgreementState state, Principal[] parties)
        {
            var from = Scenario.FigureMonths[Month];
            var tax = HqPercent is { } hq
                ? state.Terms.Terms[0] with
                {
                    Mode = AllocationMode.Formula,
                    Schedule = [],
                    Formula = new FormulaShares(state.Terms.Parties[0].District, hq, new ApportionmentFactors(35m, 35m, 30m)),
                }
                : state.Terms.Terms[0] with
                {
                    Schedule = [new RatioStep(from, ImmutableDictionary.CreateRange(state.Terms.Parties.Zip(Ratios, (party, ratio) => KeyValuePair.Create(party.District, ratio))))],
                };
            return new ProposeAmendment(state.Id, parties[Month % parties.Length], from, [tax, .. state.Terms.Terms.Skip(1)]);
        }
    }

    /// <summary>Tax reports an enterprise's factors of a year: the first report, or a restatement of the current one.</summary>
    private sealed record FactorStep(int Year, int Enterprise, decimal[] Amounts) : IPlannedStep
    {
        public IAgreementCommand? Command(AgreementState state, Principal[] parties)
        {
            var enterprise = state.Terms.Enterprises[Enterprise % state.Terms.Enterprises.Length].Id;
            var revision = state.Rules.Factors.TryGetValue((enterprise, Year), out var current) ? current.Revision + 1 : 1;
            var factors = state.Terms.Parties
                .Select((party, k) => new DistrictFactors(party.District, new ApportionmentFactors(Amounts[3 * k], Amounts[(3 * k) + 1], Amounts[(3 * k) + 2])))
                .OrderBy(f => f.District);
            return new ReportFactors(state.Id, Principal.Tax, new FactorReport($"因素-{state.Version}", enterprise, Year, revision, [.. factors]));
        }
    }

    /// <summary>A restatement of a month of the certified history, which is booked and changes nothing certified; none without history.</summary>
    private sealed record HistoryStep(int Month, decimal Amount) : IPlannedStep
    {
        public IAgreementCommand? Command(AgreementState state, Principal[] parties)
        {
            var current = state.CurrentHistory.Values.OrderBy(r => r.ReportId, StringComparer.Ordinal).ElementAtOrDefault(Month);
            return current is null
                ? null
                : new ReportHistory(state.Id, Principal.ReporterOf(current.Indicator.Family), [current with { ReportId = $"历史-{state.Version}", Amount = Amount, Revision = current.Revision + 1 }]);
        }
    }

    /// <summary>A trigger on the pending amendment, by whoever may fire it: the next party yet to sign, finance, or its proposer.</summary>
    private sealed record AmendmentStep(LifecycleTrigger Trigger) : IPlannedStep
    {
        public IAgreementCommand? Command(AgreementState state, Principal[] parties)
        {
            if (state.PendingAmendment is not { } pending)
            {
                return null;
            }

            var by = Trigger switch
            {
                LifecycleTrigger.CountersignAmendment => parties.FirstOrDefault(p => !pending.Signatures.Contains(p.District!.Value)),
                LifecycleTrigger.WithdrawAmendment => Principal.ForDistrict(pending.Proposer),
                _ => Principal.Finance,
            };
            return by is null ? null : new FireAmendmentTrigger(state.Id, by, pending.Number, Trigger, Trigger == LifecycleTrigger.CountersignAmendment ? null : Reason);
        }
    }

    /// <summary>Suspension, resumption or termination from a month of the scenario (or the month after it), by finance.</summary>
    private sealed record TriggerStep(LifecycleTrigger Trigger, int Month) : IPlannedStep
    {
        public IAgreementCommand? Command(AgreementState state, Principal[] parties) =>
            new FireTrigger(state.Id, Principal.Finance, Trigger, Reason, Scenario.FigureMonths[0].PlusMonths(Month));
    }
}
