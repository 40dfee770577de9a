using Akka.TestKit.Xunit2;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Serialization;

/// <summary>
/// Every golden payload decodes, through the serializer Akka.NET picks, into the values it was written
/// from — asserted field by field against values written out here by hand, never against what today's
/// types would serialize, so a renamed domain member or a changed mapping cannot pass unnoticed.
/// </summary>
public sealed class GoldenPayloadReaderTests() : TestKit(LedgerSystems.Setup(LedgerConfig.For(StoreOptions.Sqlite(Path.GetTempPath()))))
{
    private const string Id = "GZ-2026-0001";
    private static readonly Instant At = Instant.FromUtc(2026, 4, 2, 3, 4, 5);
    private static readonly YearMonth January = new(2025, 1);
    private static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");

    private T Read<T>(string manifest)
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(T));
        return Assert.IsType<T>(serializer.FromBinary(GoldenPayloads.Read(manifest), manifest));
    }

    private static void AssertEvent(IAgreementEvent e, string by)
    {
        Assert.Equal(Id, e.AgreementId.Value);
        Assert.Equal(At, e.At);
        Assert.Equal(by, e.By.ToString());
    }

    /// <summary>The sample terms: 荔湾 440103 origin 60 %, 南沙 440115 host 40 % on vat and cit from 2025-01, one capped enterprise with a cit baseline.</summary>
    private static void AssertSampleTerms(AgreementTerms terms)
    {
        Assert.Equal("封顶示例", terms.Title);
        Assert.Equal(AgreementModel.HqRndManufacturing, terms.Model);
        Assert.Equal([("440103", PartyRole.Origin), ("440115", PartyRole.Host)], terms.Parties.Select(p => (p.District.Value, p.Role)));
        Assert.Equal(new YearMonth(2025, 1), terms.Effective.From);
        Assert.Equal(new YearMonth(2029, 12), terms.Effective.To);
        var enterprise = Assert.Single(terms.Enterprises);
        Assert.Equal(Enterprise, enterprise.Id);
        Assert.Equal("示例", enterprise.Name);
        Assert.Equal("440115", enterprise.RegisteredDistrict.Value);
        Assert.Equal(1000.00m, Assert.Single(enterprise.Baselines, b => b.Key.Code == "cit").Value);
        Assert.Equal("1000.00", enterprise.Baselines[RepositoryFiles.Indicator("cit")].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal<string>(["vat"], enterprise.Cap!.Indicators.Select(i => i.Code));
        Assert.Equal("500.00", enterprise.Cap.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertSampleTerm(Assert.Single(terms.Terms));
    }

    private static void AssertSampleTerm(SharingTerm term)
    {
        Assert.Equal<string>(["vat", "cit"], term.Indicators.Select(i => i.Code));
        Assert.Equal(AllocationMode.Split, term.Mode);
        var step = Assert.Single(term.Schedule);
        Assert.Equal(January, step.From);
        Assert.Equal(2, step.Ratios.Count);
        Assert.Equal(60m, step.Ratios[DistrictCode.Parse("440103")]);
        Assert.Equal(40m, step.Ratios[DistrictCode.Parse("440115")]);
    }

    /// <summary>The sample entry: an adjustment of −60.00 to 荔湾 for vat 2025-01, caused by report r1b, on a line of 360.00 at 60 % with the cap going 500.00 → 140.00.</summary>
    private static void AssertSampleEntry(BookedEntry entry)
    {
        Assert.Equal("r1b", entry.Cause);
        Assert.Equal(AllocationChangeKind.Adjustment, entry.Change.Kind);
        Assert.Equal("-60.00", Text(entry.Change.Amount));
        var line = entry.Change.Line;
        Assert.Equal(Enterprise, line.Enterprise);
        Assert.Equal("vat", line.Indicator.Code);
        Assert.Equal(January, line.Month);
        Assert.Equal("440103", line.District.Value);
        Assert.Equal("360.00", Text(line.Amount));
        Assert.Equal("60", Text(line.Ratio));
        Assert.Equal("0.00", Text(line.BasePart));
        Assert.Equal("600.00", Text(line.SharedPart));
        Assert.Equal("500.00", Text(line.CapRemainingBefore!.Value));
        Assert.Equal("140.00", Text(line.CapRemainingAfter!.Value));
        Assert.False(line.DoubleCount);
    }

    private static void AssertSampleReport(FigureReport report)
    {
        Assert.Equal("r1", report.ReportId);
        Assert.Equal(Enterprise, report.Enterprise);
        Assert.Equal("vat", report.Indicator.Code);
        Assert.Equal(January, report.Month);
        Assert.Equal("600.00", Text(report.Amount));
        Assert.Equal(1, report.Revision);
    }

    /// <summary>A decimal with its scale, as the ledger must keep it.</summary>
    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Agreement_created_v1()
    {
        var e = Read<AgreementCreated>("agreement-created.v1");
        AssertEvent(e, "district:440103");
        AssertSampleTerms(e.Terms);
    }

    /// <summary>The v2 sample terms: as the v1 ones, but vat alone split 60 / 40 and cit by the formula (荔湾 the head office at 50 %, weights 35 / 35 / 30).</summary>
    private static void AssertFormulaTerms(IReadOnlyList<SharingTerm> terms)
    {
        Assert.Equal(2, terms.Count);
        Assert.Equal<string>(["vat"], terms[0].Indicators.Select(i => i.Code));
        Assert.Equal(AllocationMode.Split, terms[0].Mode);
        Assert.Null(terms[0].Formula);
        Assert.Equal(60m, Assert.Single(terms[0].Schedule).Ratios[DistrictCode.Parse("440103")]);
        Assert.Equal<string>(["cit"], terms[1].Indicators.Select(i => i.Code));
        Assert.Equal(AllocationMode.Formula, terms[1].Mode);
        Assert.Empty(terms[1].Schedule);
        var formula = terms[1].Formula!;
        Assert.Equal("440103", formula.Hq.Value);
        Assert.Equal("50", Text(formula.HqPercent));
        Assert.Equal(("35", "35", "30"), (Text(formula.Weights.OperatingRevenue), Text(formula.Weights.Payroll), Text(formula.Weights.Assets)));
    }

    /// <summary>The sample factors of 2024: 荔湾 0 / 200.00 / 100.00, 南沙 600.00 / 300.00 / 600.50.</summary>
    private static void AssertSampleFactors(FactorReport report, string reportId, int revision)
    {
        Assert.Equal(reportId, report.ReportId);
        Assert.Equal(Enterprise, report.Enterprise);
        Assert.Equal(2024, report.Year);
        Assert.Equal(revision, report.Revision);
        Assert.Equal(
            [("440103", "0", "200.00", "100.00"), ("440115", "600.00", "300.00", "600.50")],
            report.Factors.Select(f => (f.District.Value, Text(f.Factors.OperatingRevenue), Text(f.Factors.Payroll), Text(f.Factors.Assets))));
    }

    [Fact]
    public void Agreement_created_and_draft_edited_v2_carry_a_formula_term()
    {
        var created = Read<AgreementCreated>("agreement-created.v2");
        AssertEvent(created, "district:440103");
        Assert.Equal("封顶示例", created.Terms.Title);
        Assert.Equal("500.00", Text(Assert.Single(created.Terms.Enterprises).Cap!.Amount));
        AssertFormulaTerms(created.Terms.Terms);

        var edited = Read<DraftEdited>("draft-edited.v2");
        AssertEvent(edited, "district:440103");
        AssertFormulaTerms(edited.Terms.Terms);
    }

    [Fact]
    public void Amendment_proposed_v2_carries_a_formula_term()
    {
        var proposed = Read<AmendmentProposed>("amendment-proposed.v2");
        AssertEvent(proposed, "district:440115");
        Assert.Equal(1, proposed.Number);
        Assert.Equal(new YearMonth(2026, 1), proposed.From);
        AssertFormulaTerms(proposed.Terms);
    }

    [Fact]
    public void Factors_reported_v1()
    {
        var e = Read<FactorsReported>("factors-reported.v1");
        AssertEvent(e, "tax");
        AssertSampleFactors(e.Report, "tax-factors-2024-r002", 2);
        AssertSampleEntry(Assert.Single(e.Entries));
    }

    /// <summary>The v4 snapshot keeps the formula terms and both revisions of the factors, the later one current.</summary>
    [Fact]
    public void Agreement_snapshot_v4()
    {
        var snapshot = Read<ChainedAgreementSnapshot>("agreement-snapshot.v4");

        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", snapshot.ChainHead.ToString());
        var state = snapshot.State;
        AssertFormulaTerms(state.Terms.Terms);
        AssertFormulaTerms(Assert.Single(state.Rules.Versions).Terms);
        AssertSampleFactors(state.FactorReports["tax-factors-2024-r001"], "tax-factors-2024-r001", 1);
        var current = state.Rules.Factors[(Enterprise, 2024)];
        Assert.Equal("tax-factors-2024-r002", current.ReportId);
        Assert.Equal(["1.50", "1.50"], current.Factors.Select(f => Text(f.Factors.Payroll)));
        Assert.Equal(2, state.FactorReports.Count);
        Assert.Equal(5, state.Reports.Count);
        Assert.True(state.IsLocked(January, IndicatorFamily.Tax));
    }

    [Fact]
    public void Draft_edited_v1()
    {
        var e = Read<DraftEdited>("draft-edited.v1");
        AssertEvent(e, "district:440103");
        AssertSampleTerms(e.Terms);
    }

    [Fact]
    public void Agreement_submitted_v1() => AssertEvent(Read<AgreementSubmitted>("agreement-submitted.v1"), "district:440103");

    [Fact]
    public void Agreement_countersigned_v1()
    {
        var e = Read<AgreementCountersigned>("agreement-countersigned.v1");
        AssertEvent(e, "district:440115");
        Assert.Equal("440115", e.District.Value);
    }

    [Theory]
    [InlineData("agreement-approved.v1", "符合政策", "finance")]
    [InlineData("agreement-rejected.v1", null, "finance")]
    [InlineData("agreement-withdrawn.v1", "重新谈判", "district:440103")]
    public void Agreement_decisions_v1(string manifest, string? reason, string by)
    {
        IReasonedEvent e = manifest switch
        {
            "agreement-approved.v1" => Read<AgreementApproved>(manifest),
            "agreement-rejected.v1" => Read<AgreementRejected>(manifest),
            _ => Read<AgreementWithdrawn>(manifest),
        };
        AssertEvent(e, by);
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Agreement_suspended_resumed_terminated_v1()
    {
        var suspended = Read<AgreementSuspended>("agreement-suspended.v1");
        AssertEvent(suspended, "finance");
        Assert.Equal(new YearMonth(2025, 6), suspended.From);
        Assert.Equal("审计", suspended.Reason);

        var resumed = Read<AgreementResumed>("agreement-resumed.v1");
        AssertEvent(resumed, "finance");
        Assert.Equal(new YearMonth(2025, 8), resumed.From);
        Assert.Equal("审计结束", resumed.Reason);

        var terminated = Read<AgreementTerminated>("agreement-terminated.v1");
        AssertEvent(terminated, "finance");
        Assert.Equal(new YearMonth(2026, 1), terminated.From);
        Assert.Equal("企业迁出", terminated.Reason);
    }

    [Fact]
    public void Amendment_proposed_and_countersigned_v1()
    {
        var proposed = Read<AmendmentProposed>("amendment-proposed.v1");
        AssertEvent(proposed, "district:440115");
        Assert.Equal(1, proposed.Number);
        Assert.Equal(new YearMonth(2026, 1), proposed.From);
        AssertSampleTerm(Assert.Single(proposed.Terms));

        var countersigned = Read<AmendmentCountersigned>("amendment-countersigned.v1");
        AssertEvent(countersigned, "district:440103");
        Assert.Equal(1, countersigned.Number);
        Assert.Equal("440103", countersigned.District.Value);
    }

    [Fact]
    public void Amendment_approved_v1()
    {
        var e = Read<AmendmentApproved>("amendment-approved.v1");
        AssertEvent(e, "finance");
        Assert.Equal(1, e.Number);
        Assert.Null(e.Reason);
        AssertSampleEntry(Assert.Single(e.Entries));
    }

    [Fact]
    public void Amendment_rejected_and_withdrawn_v1()
    {
        var rejected = Read<AmendmentRejected>("amendment-rejected.v1");
        AssertEvent(rejected, "finance");
        Assert.Equal(1, rejected.Number);
        Assert.Equal("比例不当", rejected.Reason);

        var withdrawn = Read<AmendmentWithdrawn>("amendment-withdrawn.v1");
        AssertEvent(withdrawn, "district:440115");
        Assert.Equal(1, withdrawn.Number);
        Assert.Null(withdrawn.Reason);
    }

    [Theory]
    [InlineData("figures-booked.v1")]
    [InlineData("figures-booked.v2")]
    public void Figures_booked(string manifest)
    {
        var e = Read<FiguresBooked>(manifest);
        AssertEvent(e, "tax");
        AssertSampleReport(Assert.Single(e.Reports));
        AssertSampleEntry(Assert.Single(e.Entries));
    }

    [Fact]
    public void Month_reviewed_v1()
    {
        var e = Read<MonthReviewed>("month-reviewed.v1");
        AssertEvent(e, "tax");
        Assert.Equal(January, e.Month);
        Assert.Equal(IndicatorFamily.Tax, e.Family);
        Assert.Equal(ReviewDecision.Reopen, e.Decision);
        Assert.Equal("企业更正申报", e.Reason);
    }

    [Fact]
    public void Month_reviewed_v2_carries_the_seal_of_an_approval()
    {
        var e = Read<MonthReviewed>("month-reviewed.v2");
        AssertEvent(e, "tax");
        Assert.Equal((January, IndicatorFamily.Tax, ReviewDecision.Approve, "核对无误"), (e.Month, e.Family, e.Decision, e.Reason));
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", e.Seal.ToString());
    }

    [Fact]
    public void Month_reviewed_v1_reads_without_a_seal()
    {
        Assert.Null(Read<MonthReviewed>("month-reviewed.v1").Seal);
    }

    /// <summary>
    /// The envelope of a sealed approval: the event inside reads as <c>month-reviewed.v2</c>, and the
    /// digest is what Python's SM3 (OpenSSL's) gives for the link's bytes, built by hand from
    /// docs/storage.md: an oracle independent of BouncyCastle.
    /// </summary>
    [Fact]
    public void Sealed_event_v1()
    {
        var e = Read<SealedEvent>("sealed-event.v1");

        Assert.Equal("month-reviewed.v2", e.Manifest);
        Assert.Equal(GoldenPayloads.Read("month-reviewed.v2"), e.Payload);
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", e.Previous.ToString());
        Assert.Equal("b27549c71a7044b8f2ee4f5b55d948687ae7bf108a5cae8b91aab51039287a27", e.Digest.ToString());
        var approval = Assert.IsType<MonthReviewed>(e.Event);
        AssertEvent(approval, "tax");
        Assert.Equal(e.Previous, approval.Seal);
        Assert.Equal(e.Digest, EventChain.Link(e.Previous, "agreement-GZ-2026-0001", 7, e.Manifest, e.Payload));
    }

    /// <summary>A chained snapshot is the chain head, then a v2 snapshot's bytes exactly.</summary>
    [Fact]
    public void Agreement_snapshot_v3()
    {
        var bytes = GoldenPayloads.Read("agreement-snapshot.v3");
        var snapshot = Read<ChainedAgreementSnapshot>("agreement-snapshot.v3");

        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", snapshot.ChainHead.ToString());
        Assert.Equal(GoldenPayloads.Read("agreement-snapshot.v2"), bytes[ChainDigest.Length..]);
        Assert.Equal(Read<CompactAgreementSnapshot>("agreement-snapshot.v2").State.Reports.Values, snapshot.State.Reports.Values);
    }

    [Fact]
    public void Agreement_snapshot_v1()
    {
        var state = Read<JsonAgreementSnapshot>("agreement-snapshot.v1").State;

        Assert.Equal(Id, state.Id.Value);
        Assert.Equal(AgreementStatus.Draft, state.Status);
        AssertSampleTerms(state.Terms);
        Assert.Equal(["440103", "440115"], state.Rules.Parties.Select(p => p.District.Value));
        var version = Assert.Single(state.Rules.Versions);
        Assert.Equal(January, version.From);
        AssertSampleTerm(Assert.Single(version.Terms));
        Assert.Equal("440103", state.Proposer.Value);
        Assert.Empty(state.Signatures);
        Assert.Empty(state.Amendments);
        Assert.Empty(state.Pauses);
        Assert.Null(state.TerminatedFrom);
        Assert.Null(state.SuspendedFrom);
        Assert.Equal(3, state.Version);
        AssertSampleReport(Assert.Single(state.Reports.Values));
        var book = state.Books[Enterprise];
        AssertSampleReport(book.Current(RepositoryFiles.Indicator("vat"), January)!);
        var line = Assert.Single(book.Lines);
        Assert.Equal(("440103", "360.00", "60", "0.00", "600.00"), (line.District.Value, Text(line.Amount), Text(line.Ratio), Text(line.BasePart), Text(line.SharedPart)));
        Assert.Equal(("500.00", "140.00", false), (Text(line.CapRemainingBefore!.Value), Text(line.CapRemainingAfter!.Value), line.DoubleCount));
        Assert.Equal(ReviewStatus.Approved, Assert.Single(state.Reviews, r => r.Key == (January, IndicatorFamily.Tax)).Value);
    }

    /// <summary>
    /// The rich state of <see cref="SerializerSamples.Rich"/>: two enterprises, 南沙's vat of January
    /// restated 1.00 → 2.00 (revision 2 current), reportIds sharing prefixes up to a surrogate pair,
    /// the largest decimal and the smallest, a double-count line, and January approved for tax.
    /// </summary>
    [Fact]
    public void Agreement_snapshot_v2()
    {
        var state = Read<CompactAgreementSnapshot>("agreement-snapshot.v2").State;
        var other = CreditCode.Parse("91440106MA59C8UK2" + CreditCode.CheckCharacter("91440106MA59C8UK2"));
        var february = new YearMonth(2026, 2);
        var december = new YearMonth(2029, 12);

        Assert.Equal(Id, state.Id.Value);
        Assert.Equal(AgreementStatus.Draft, state.Status);
        AssertSampleTerms(state.Terms);
        Assert.Equal("440103", state.Proposer.Value);
        Assert.Equal(4, state.Version);
        Assert.Equal(
            ["r1", "r1b", "r2", "\U00020000a", "\U00020001b"],
            state.Reports.Values.Select(r => r.ReportId).Order(StringComparer.Ordinal));
        Assert.Equal(("1.00", 1), (Text(state.Reports["r1"].Amount), state.Reports["r1"].Revision));
        Assert.Equal(("2.00", 2), (Text(state.Reports["r1b"].Amount), state.Reports["r1b"].Revision));
        Assert.Equal("79228162514264337593543950335", Text(state.Reports["\U00020001b"].Amount));
        Assert.Equal("0.0000000000000000000000000001", Text(state.Reports["r2"].Amount));
        Assert.Equal(december, state.Reports["r2"].Month);
        Assert.Equal(("-0.10", "cit", february, other), (Text(state.Reports["\U00020000a"].Amount), state.Reports["\U00020000a"].Indicator.Code, state.Reports["\U00020000a"].Month, state.Reports["\U00020000a"].Enterprise));

        // The book holds the current line of each figure and district: the restatement's 1.20 replaced 0.60.
        var own = state.Books[Enterprise];
        Assert.Equal(state.Reports["r1b"], own.Current(RepositoryFiles.Indicator("vat"), January));
        Assert.Equal(2, own.FigureCount);
        Assert.Equal(
            [("vat", January, "440115", "0.40", null, null), ("vat", January, "440103", "1.20", "500.00", "498.80"), ("cit", december, "440115", "0.0000000000000000000000000001", null, null)],
            own.Lines.Select(l => (Indicator: l.Indicator.Code, l.Month, l.District.Value, Text(l.Amount), l.CapRemainingBefore is { } b ? Text(b) : null, l.CapRemainingAfter is { } a ? Text(a) : null))
                .OrderBy(l => l.Indicator == "cit").ThenBy(l => l.Item4 == "1.20"));

        var others = state.Books[other];
        Assert.Equal(
            [("cit", february, "440103", "-0.06", true), ("vat", february, "440115", "-79228162514264337593543950335", false)],
            others.Lines.Select(l => (Indicator: l.Indicator.Code, l.Month, l.District.Value, Text(l.Amount), l.DoubleCount)).OrderBy(l => l.Indicator, StringComparer.Ordinal));
        Assert.Equal(("0", null), others.Lines.Where(l => l.Indicator.Code == "vat").Select(l => (Text(l.CapRemainingBefore!.Value), l.CapRemainingAfter)).Single());
        Assert.Equal(ReviewStatus.Approved, Assert.Single(state.Reviews, r => r.Key == (January, IndicatorFamily.Tax)).Value);
    }

    [Fact]
    public void Coverage_granted_and_snapshot_v1()
    {
        var granted = Read<CoverageGranted>("coverage-granted.v1");
        Assert.Equal(Id, granted.AgreementId.Value);
        var item = Assert.Single(granted.Items);
        Assert.Equal((Enterprise, "vat", January, new YearMonth(2029, 12)), (item.Enterprise, item.Indicator.Code, item.From, item.To));

        var snapshot = Read<CoverageSnapshot>("coverage-snapshot.v1");
        var grant = Assert.Single(snapshot.Grants);
        Assert.Equal(Id, grant.AgreementId.Value);
        Assert.Empty(grant.Items);
    }

    [Fact]
    public void Agreement_number_issued_v1()
    {
        var issued = Read<AgreementNumberIssued>("agreement-number-issued.v1");
        Assert.Equal((2026, 1), (issued.Year, issued.Number));
    }
}
