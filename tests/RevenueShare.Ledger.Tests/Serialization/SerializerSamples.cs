using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.ReportIds;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Serialization;

/// <summary>
/// One value of every type the ledger's serializer writes, built from the domain: the round-trip tests
/// and the golden payloads (<c>Golden/</c>) are made from these.
/// </summary>
internal static class SerializerSamples
{
    internal static readonly DistrictCode Liwan = DistrictCode.Parse("440103");
    internal static readonly DistrictCode Nansha = DistrictCode.Parse("440115");

    internal static readonly Instant At = Instant.FromUtc(2026, 4, 2, 3, 4, 5);
    internal static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");
    internal static readonly YearMonth January = new(2025, 1);

    internal static readonly SharingTerm Term = new(
        [RepositoryFiles.Indicator("vat"), RepositoryFiles.Indicator("cit")], AllocationMode.Split, [new RatioStep(January, ImmutableDictionary<DistrictCode, decimal>.Empty.Add(Liwan, 60m).Add(Nansha, 40m))]);

    internal static readonly AgreementTerms Terms = new(
        "封顶示例",
        AgreementModel.HqRndManufacturing,
        [new Party(Liwan, PartyRole.Origin), new Party(Nansha, PartyRole.Host)],
        new EffectivePeriod(January, new YearMonth(2029, 12)),
        [new CoveredEnterprise(Enterprise, "示例", Nansha, ImmutableDictionary<Indicator, decimal>.Empty.Add(RepositoryFiles.Indicator("cit"), 1000.00m), new EnterpriseCap([RepositoryFiles.Indicator("vat")], 500.00m))],
        [Term]);

    /// <summary>cit by the three-factor formula: 荔湾 the head office keeping 50 %, weights 35 / 35 / 30.</summary>
    internal static readonly SharingTerm FormulaTerm = new(
        [RepositoryFiles.Indicator("cit")], AllocationMode.Formula, [], new FormulaShares(Liwan, 50m, new ApportionmentFactors(35m, 35m, 30m)));

    /// <summary>The sample terms with vat split by the schedule and cit by the formula.</summary>
    internal static readonly AgreementTerms FormulaTerms = Terms with { Terms = [Term with { Indicators = [RepositoryFiles.Indicator("vat")] }, FormulaTerm] };

    /// <summary>The formula terms with the enterprise's cap over vat derived from 3 years of history and its cit baseline from 2.</summary>
    internal static readonly AgreementTerms DerivedTerms = FormulaTerms with
    {
        Enterprises = [FormulaTerms.Enterprises[0] with
        {
            Baselines = ImmutableDictionary<Indicator, decimal>.Empty,
            Cap = new EnterpriseCap([RepositoryFiles.Indicator("vat")], 0m, new Derivation(3, Certified: false)),
            DerivedBaselines = ImmutableDictionary<Indicator, Derivation>.Empty.Add(RepositoryFiles.Indicator("cit"), new Derivation(2, Certified: false)),
        }],
    };

    /// <summary>History of the enterprise: vat of January 2022 and its restatement, cit of December 2024.</summary>
    internal static readonly ImmutableArray<FigureReport> History =
    [
        new("tax-h-2022-01-vat", Enterprise, RepositoryFiles.Indicator("vat"), new YearMonth(2022, 1), 150.00m, 1),
        new("tax-h-2022-01-vat-r2", Enterprise, RepositoryFiles.Indicator("vat"), new YearMonth(2022, 1), 150.10m, 2),
        new("tax-h-2024-12-cit", Enterprise, RepositoryFiles.Indicator("cit"), new YearMonth(2024, 12), -0.01m, 1),
    ];

    /// <summary>The certification of the enterprise's vat and cit history, with the cap and baseline it made known.</summary>
    internal static readonly HistoryCertified Certification = new(
        AgreementId.Parse("GZ-2026-0001"),
        Enterprise,
        [new CertifiedHistory(RepositoryFiles.Indicator("vat"), [History[1]]), new CertifiedHistory(RepositoryFiles.Indicator("cit"), [History[2]])],
        [new CertifiedAmount(null, 5400.00m), new CertifiedAmount(RepositoryFiles.Indicator("cit"), 12000.06m)],
        At,
        Principal.Tax);

    /// <summary>The enterprise's factors of 2024: 荔湾 0 / 200.00 / 100.00, 南沙 600.00 / 300.00 / 600.50.</summary>
    internal static readonly FactorReport Factors = new(
        "tax-factors-2024-r001", Enterprise, 2024, 1, [new DistrictFactors(Liwan, new ApportionmentFactors(0m, 200.00m, 100.00m)), new DistrictFactors(Nansha, new ApportionmentFactors(600.00m, 300.00m, 600.50m))]);

    internal static readonly BookedEntry Entry = new(
        new AllocationChange(new AllocationLine(Enterprise, RepositoryFiles.Indicator("vat"), January, Liwan, 360.00m, 60m, 0.00m, 600.00m, 500.00m, 140.00m, false), -60.00m, AllocationChangeKind.Adjustment),
        "r1b");

    internal static readonly FigureReport Report = new("r1", Enterprise, RepositoryFiles.Indicator("vat"), January, 600.00m, 1);

    /// <summary>A chain head: SM3 of "abc", the standard's first example (GB/T 32905-2016, A.1).</summary>
    internal static readonly ChainDigest Head = ChainDigest.Parse("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    /// <summary>An approval sealed with <see cref="Head"/>.</summary>
    internal static readonly MonthReviewed Approval = new(AgreementId.Parse("GZ-2026-0001"), January, IndicatorFamily.Tax, ReviewDecision.Approve, "核对无误", At, Principal.Tax) { Seal = Head };

    internal static IReadOnlyDictionary<Type, object> ByType { get; } = new object[]
    {
        new AgreementCreated(AgreementId.Parse("GZ-2026-0001"), DerivedTerms, At, Principal.ForDistrict(Liwan)),
        new DraftEdited(AgreementId.Parse("GZ-2026-0001"), DerivedTerms, At, Principal.ForDistrict(Liwan)),
        new AgreementSubmitted(AgreementId.Parse("GZ-2026-0001"), At, Principal.ForDistrict(Liwan)),
        new AgreementCountersigned(AgreementId.Parse("GZ-2026-0001"), Nansha, At, Principal.ForDistrict(Nansha)),
        new AgreementApproved(AgreementId.Parse("GZ-2026-0001"), "符合政策", At, Principal.Finance),
        new AgreementRejected(AgreementId.Parse("GZ-2026-0001"), null, At, Principal.Finance),
        new AgreementWithdrawn(AgreementId.Parse("GZ-2026-0001"), "重新谈判", At, Principal.ForDistrict(Liwan)),
        new AgreementSuspended(AgreementId.Parse("GZ-2026-0001"), new YearMonth(2025, 6), "审计", At, Principal.Finance),
        new AgreementResumed(AgreementId.Parse("GZ-2026-0001"), new YearMonth(2025, 8), "审计结束", At, Principal.Finance),
        new AgreementTerminated(AgreementId.Parse("GZ-2026-0001"), new YearMonth(2026, 1), "企业迁出", At, Principal.Finance),
        new AmendmentProposed(AgreementId.Parse("GZ-2026-0001"), 1, new YearMonth(2026, 1), FormulaTerms.Terms, At, Principal.ForDistrict(Nansha)),
        new AmendmentCountersigned(AgreementId.Parse("GZ-2026-0001"), 1, Liwan, At, Principal.ForDistrict(Liwan)),
        new AmendmentApproved(AgreementId.Parse("GZ-2026-0001"), 1, null, [Entry], At, Principal.Finance),
        new AmendmentRejected(AgreementId.Parse("GZ-2026-0001"), 1, "比例不当", At, Principal.Finance),
        new AmendmentWithdrawn(AgreementId.Parse("GZ-2026-0001"), 1, null, At, Principal.ForDistrict(Nansha)),
        new FiguresBooked(AgreementId.Parse("GZ-2026-0001"), [Report], [Entry], At, Principal.Tax),
        new FactorsReported(AgreementId.Parse("GZ-2026-0001"), Factors with { ReportId = "tax-factors-2024-r002", Revision = 2 }, [Entry], At, Principal.Tax),
        new HistoryReported(AgreementId.Parse("GZ-2026-0001"), History, At, Principal.Tax),
        Certification,
        Approval,
        SealedEvent.Seal(Approval with { Seal = null }, Head, "agreement-GZ-2026-0001", 7),
        new JsonAgreementSnapshot(AgreementState.Created(new AgreementCreated(AgreementId.Parse("GZ-2026-0001"), Terms, At, Principal.ForDistrict(Liwan)))
            .Apply(new FiguresBooked(AgreementId.Parse("GZ-2026-0001"), [Report], [Entry], At, Principal.Tax))
            .Apply(new MonthReviewed(AgreementId.Parse("GZ-2026-0001"), January, IndicatorFamily.Tax, ReviewDecision.Approve, null, At, Principal.Tax))),
        new ChainedAgreementSnapshot(Rich(), Head),
        new CoverageGranted(AgreementId.Parse("GZ-2026-0001"), [new CoverageItem(Enterprise, RepositoryFiles.Indicator("vat"), January, new YearMonth(2029, 12))]),
        new CoverageSnapshot([new CoverageGranted(AgreementId.Parse("GZ-2026-0001"), [])]),
        new AgreementNumberIssued(2026, 1),
        new ReportIdsReserved([new AgreementReportIds(AgreementId.Parse("GZ-2026-0001"), ["tax-2025-01-r001", "报表-𠀋"]), new AgreementReportIds(AgreementId.Parse("GZ-2026-0002"), ["tax-2025-01-r002"])]),
        new ReportIdDeskSnapshot([new AgreementReportIds(AgreementId.Parse("GZ-2026-0003"), ["stat-2025-01-r001"])]),
    }.ToDictionary(o => o.GetType());

    /// <summary>
    /// A state with what the compact form must keep exactly: two enterprises, a restated figure (both
    /// revisions among the reports, the later one current), reportIds sharing a prefix up to a
    /// surrogate pair, lines with and without caps, double-count lines, negative and zero amounts, a
    /// decimal needing all 96 bits and one of scale 28, trailing zeros, a review, a formula term, a
    /// restated year of factors, a derived cap and baseline, restated history and its certification.
    /// </summary>
    internal static AgreementState Rich() => RichEvents().Aggregate(RichCreated(), (state, e) => state.Apply(e));

    /// <summary>The agreement <see cref="Rich"/> starts from: the formula terms with derived amounts, just created.</summary>
    internal static AgreementState RichCreated() =>
        AgreementState.Created(new AgreementCreated(AgreementId.Parse("GZ-2026-0001"), DerivedTerms, At, Principal.ForDistrict(Liwan)));

    internal static IEnumerable<IAgreementEvent> RichEvents()
    {
        var other = CreditCode.Parse("91440106MA59C8UK2" + CreditCode.CheckCharacter("91440106MA59C8UK2"));
        var february = new YearMonth(2026, 2);
        AllocationLine Line(CreditCode enterprise, string indicator, YearMonth month, DistrictCode district, decimal amount, decimal? before = null, decimal? after = null, bool doubleCount = false) =>
            new(enterprise, RepositoryFiles.Indicator(indicator), month, district, amount, 60m, 0.00m, amount, before, after, doubleCount);
        BookedEntry Booked(AllocationLine line, string reportId) => new(new AllocationChange(line, line.Amount, AllocationChangeKind.Allocation), reportId);

        yield return new FiguresBooked(AgreementId.Parse("GZ-2026-0001"), [Report with { Amount = 1.00m }, new FigureReport("\U00020000a", other, RepositoryFiles.Indicator("cit"), february, -0.10m, 1)], [
            Booked(Line(Enterprise, "vat", January, Liwan, 0.60m, 500.00m, 499.40m), "r1"),
            Booked(Line(Enterprise, "vat", January, Nansha, 0.40m), "r1"),
            Booked(Line(other, "cit", february, Liwan, -0.06m, doubleCount: true), "\U00020000a"),
        ], At, Principal.Tax);
        yield return new FiguresBooked(AgreementId.Parse("GZ-2026-0001"), [
            new FigureReport("r1b", Enterprise, RepositoryFiles.Indicator("vat"), January, 2.00m, 2),
            new FigureReport("\U00020001b", other, RepositoryFiles.Indicator("vat"), february, 79228162514264337593543950335m, 1),
            new FigureReport("r2", Enterprise, RepositoryFiles.Indicator("cit"), new YearMonth(2029, 12), 0.0000000000000000000000000001m, 1),
        ], [
            Booked(Line(Enterprise, "vat", January, Liwan, 1.20m, 500.00m, 498.80m), "r1b"),
            Booked(Line(other, "vat", february, Nansha, -79228162514264337593543950335m, 0m, null), "\U00020001b"),
            Booked(Line(Enterprise, "cit", new YearMonth(2029, 12), Nansha, 0.0000000000000000000000000001m), "r2"),
        ], At, Principal.Tax);
        yield return new MonthReviewed(AgreementId.Parse("GZ-2026-0001"), January, IndicatorFamily.Tax, ReviewDecision.Approve, null, At, Principal.Tax);
        yield return new FactorsReported(AgreementId.Parse("GZ-2026-0001"), Factors, [], At, Principal.Tax);
        yield return new FactorsReported(AgreementId.Parse("GZ-2026-0001"), Factors with { ReportId = "tax-factors-2024-r002", Revision = 2, Factors = [.. Factors.Factors.Select(f => f with { Factors = f.Factors with { Payroll = 1.50m } })] }, [], At, Principal.Tax);
        yield return new HistoryReported(AgreementId.Parse("GZ-2026-0001"), History, At, Principal.Tax);
        yield return Certification;
    }
}
