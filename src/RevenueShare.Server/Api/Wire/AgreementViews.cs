using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Server.Api.Wire;

/// <summary>Maps the domain's agreement state to its wire shape: amounts at their indicator's scale, percents without trailing zeros.</summary>
public static class AgreementViews
{
    public static AgreementView From(AgreementState state)
    {
        var terms = state.Terms;
        return new AgreementView(
            state.Id.Value,
            terms.Title,
            terms.Model == AgreementModel.HqRndManufacturing ? "hq-rnd+manufacturing" : "incubation+industrialisation",
            [.. terms.Parties.Select(p => new PartyView(p.District.Value, p.Role == PartyRole.Origin ? "origin" : "host"))],
            new EffectiveView(Months.Format(terms.Effective.From), Months.Format(terms.Effective.To)),
            [.. terms.Enterprises.Select(Enterprise)],
            Terms(terms.Terms),
            state.TopLevelStatus.ToString(),
            state.IsActive ? state.Status.ToString() : null,
            state.Version,
            state.Proposer.Value,
            [.. state.Signatures.Select(s => s.Value)],
            [.. state.Amendments.Select(a => new AmendmentView(a.Number, Months.Format(a.From), Terms(a.Terms), a.Proposer.Value, [.. a.Signatures.Select(s => s.Value)], a.Status.ToString()))],
            state.SuspendedFrom is { } suspended ? Months.Format(suspended) : null,
            state.TerminatedFrom is { } terminated ? Months.Format(terminated) : null);
    }

    private static EnterpriseView Enterprise(CoveredEnterprise enterprise) => new(
        enterprise.Id.Value,
        enterprise.Name,
        enterprise.RegisteredDistrict.Value,
        enterprise.Baselines.IsEmpty
            ? null
            : enterprise.Baselines.OrderBy(b => b.Key.Order)
                .ToDictionary(b => b.Key.Code, b => Amounts.Format(b.Value, b.Key.Scale)),
        enterprise.Cap is { } cap
            ? new CapView(
                [.. cap.Indicators.Select(i => i.Code)],
                cap.Derived is { Certified: false } ? null : Amounts.Format(cap.Amount, cap.Indicators.Max(i => i.Scale)),
                cap.Derived is { } derived ? new DerivationView(derived.Years, derived.Certified) : null)
            : null,
        enterprise.DerivedBaselines.IsEmpty
            ? null
            : enterprise.DerivedBaselines.OrderBy(b => b.Key.Order).ToDictionary(b => b.Key.Code, b => new DerivationView(b.Value.Years, b.Value.Certified)));

    private static IReadOnlyList<TermView> Terms(IEnumerable<SharingTerm> terms) =>
    [
        .. terms.Select(t => new TermView(
            [.. t.Indicators.Select(i => i.Code)],
            t.Mode switch { AllocationMode.Split => "split", AllocationMode.DoubleCount => "double-count", _ => "formula" },
            [.. t.Schedule.Select(s => new RatioStepView(Months.Format(s.From), s.Ratios.OrderBy(r => r.Key).ToDictionary(r => r.Key.Value, r => Amounts.FormatPercent(r.Value))))],
            t.Formula?.Hq.Value,
            t.Formula is { } formula ? Amounts.FormatPercent(formula.HqPercent) : null,
            t.Formula is { } weighted ? FactorsView.Percents(weighted.Weights) : null)),
    ];
}
