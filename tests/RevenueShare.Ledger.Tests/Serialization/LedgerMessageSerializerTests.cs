using System.Runtime.Serialization;
using Akka.TestKit.Xunit2;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.ReportIds;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Serialization;

using static RevenueShare.Ledger.Tests.Serialization.SerializerSamples;

/// <summary>
/// The messages the ledger's actors send each other, as they cross nodes: every one bound to the
/// message serializer, every one read back as what was sent.
/// </summary>
public sealed class LedgerMessageSerializerTests() : TestKit(LedgerSystems.Setup(LedgerConfig.For(StoreOptions.Sqlite(Path.GetTempPath()))))
{
    private static readonly AgreementId Agreement = AgreementId.Parse("GZ-2026-0001");
    private static readonly CoverageItem Covered = new(Enterprise, RepositoryFiles.Indicator("vat"), January, new YearMonth(2029, 12));

    private static readonly Rejection Refusal = new(RejectionCode.Overlap, "覆盖重叠", "enterprises[0]")
    {
        PermittedTriggers = ["withdraw", "edit"],
        CollidesWith = AgreementId.Parse("GZ-2025-0007"),
    };

    private static IReadOnlyDictionary<Type, object> Samples { get; } = new object[]
    {
        new CreateAgreement(Agreement, Principal.ForDistrict(Liwan), Terms),
        new EditDraft(Agreement, Principal.ForDistrict(Liwan), Terms),
        new FireTrigger(Agreement, Principal.Finance, LifecycleTrigger.Suspend, "审计", new YearMonth(2025, 6)),
        new ProposeAmendment(Agreement, Principal.ForDistrict(Nansha), new YearMonth(2026, 1), [Term]),
        new FireAmendmentTrigger(Agreement, Principal.ForDistrict(Liwan), 2, LifecycleTrigger.Countersign, null),
        new BookFigures(Agreement, Principal.Tax, [Report, Report with { ReportId = "\U00020000b", Amount = -0.0000000000000000000000000001m, Revision = 3 }]),
        new ReviewMonth(Agreement, Principal.Statistics, January, IndicatorFamily.Statistics, ReviewDecision.Dispute, "数据有误"),
        new ReportFactors(Agreement, Principal.Tax, Factors),
        new ReportHistory(Agreement, Principal.Tax, SerializerSamples.History),
        new CertifyHistory(Agreement, Principal.Statistics, Enterprise, [RepositoryFiles.Indicator("industrial-output")]),
        new GetAgreement(Agreement),
        new AgreementReply(Rich(), Refusal, [new ReportOutcome("r1", ReportStatus.Booked), new ReportOutcome("r2", ReportStatus.Rejected, Refusal)], 41),
        new ReserveCoverage(Agreement, [Covered]),
        new CoverageReserved(Agreement),
        new CoverageCollision(Agreement, AgreementId.Parse("GZ-2025-0007"), Covered),
        new RouteFigures([new FigureToRoute(Report.Enterprise, Report.Indicator, Report.Month), new FigureToRoute(Enterprise, RepositoryFiles.Indicator("cit"), new YearMonth(2026, 12))]),
        new FigureRoutes([Agreement, null]),
        new NextAgreementId(2026),
        Agreement,
        new IsIssued(Agreement),
        new IssuedAnswer(true),
        new ClaimReportIds([("tax-2025-01-r001", Agreement), ("报表-𠀋", AgreementId.Parse("GZ-2026-0002")), ("tax-2025-01-r001", AgreementId.Parse("GZ-2026-0002"))]),
        new ReportIdClaims(1L << 50, [new ReportIdClaim("tax-2025-01-r001", Agreement, null, false), new ReportIdClaim("报表-𠀋", Agreement, AgreementId.Parse("GZ-2026-0002"), true)], [1]),
        new ReportIdClaim("tax-2025-01-r001", Agreement, AgreementId.Parse("GZ-2026-0002"), false),
        new ConfirmReportId(7, new ReportIdClaim("tax-2025-01-r001", Agreement, AgreementId.Parse("GZ-2026-0002"), false), HeldBySuspect: true),
        new SettleReportIds(7, ["tax-2025-01-r001", "报表-𠀋"], [("报表-𠀋", Agreement)]),
    }.ToDictionary(o => o.GetType());

    public static TheoryData<string> Types => [.. LedgerMessageSerializer.SupportedTypes.Select(t => t.FullName!)];

    [Fact]
    public void Every_message_the_ledger_s_actors_send_has_a_manifest_and_a_sample_here()
    {
        var messages = new[] { typeof(IAgreementCommand), typeof(ILedgerMessage) }
            .SelectMany(marker => marker.Assembly.GetTypes().Concat(typeof(LedgerGateway).Assembly.GetTypes()).Where(t => t.IsClass && !t.IsAbstract && marker.IsAssignableFrom(t)))
            .Append(typeof(AgreementId))
            .Distinct();

        Assert.Empty(messages.Except(LedgerMessageSerializer.SupportedTypes));
        Assert.Empty(LedgerMessageSerializer.SupportedTypes.Except(Samples.Keys));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_message_round_trips_through_the_serializer_akka_picks_for_it(string type)
    {
        var sample = Samples.Single(s => s.Key.FullName == type).Value;
        var serializer = Sys.Serialization.FindSerializerFor(sample);
        Assert.IsType<LedgerMessageSerializer>(serializer);

        var bytes = serializer.ToBinary(sample);
        var back = ((LedgerMessageSerializer)serializer).FromBinary(bytes, ((LedgerMessageSerializer)serializer).Manifest(sample));

        Assert.Equal(sample.GetType(), back.GetType());
        Assert.Equal(bytes, serializer.ToBinary(back));
    }

    [Fact]
    public void A_batch_of_reports_arrives_with_every_report_exactly_as_sent()
    {
        var sent = (BookFigures)Samples[typeof(BookFigures)];

        var back = (BookFigures)RoundTrip(sent);

        Assert.Equal((sent.AgreementId, sent.By), (back.AgreementId, back.By));
        Assert.Equal(sent.Reports.ToArray(), back.Reports.ToArray());
        Assert.Equal(28, back.Reports[1].Amount.Scale);
    }

    [Fact]
    public void An_agreement_s_answer_carries_its_state_its_refusal_and_each_report_s_outcome()
    {
        var sent = (AgreementReply)Samples[typeof(AgreementReply)];

        var back = (AgreementReply)RoundTrip(sent);

        Assert.Equal(AgreementSnapshotV2Wire.Write(sent.State!), AgreementSnapshotV2Wire.Write(back.State!));
        Assert.Equal((41L, "agreement-GZ-2026-0001"), (back.SequenceNr, back.PersistenceId));
        Assert.Equal((RejectionCode.Overlap, "覆盖重叠", "enterprises[0]", AgreementId.Parse("GZ-2025-0007")), (back.Rejection!.Code, back.Rejection.Message, back.Rejection.Path, back.Rejection.CollidesWith));
        Assert.Equal(["withdraw", "edit"], back.Rejection.PermittedTriggers.ToArray());
        Assert.Equal(["r1 Booked ", "r2 Rejected Overlap"], back.Outcomes.Select(o => $"{o.ReportId} {o.Status} {o.Rejection?.Code}"));
    }

    [Fact]
    public void A_booking_s_answer_names_its_agreement_instead_of_carrying_its_state()
    {
        var back = (AgreementReply)RoundTrip(new AgreementReply(null, null, [new ReportOutcome("r1", ReportStatus.Booked, null)], 42) { Answering = Agreement });

        Assert.Null(back.State);
        Assert.True(back.Exists);
        Assert.Equal((42L, "agreement-GZ-2026-0001"), (back.SequenceNr, back.PersistenceId));
        Assert.Equal(["r1 Booked"], back.Outcomes.Select(o => $"{o.ReportId} {o.Status}"));
    }

    [Fact]
    public void An_answer_without_a_state_arrives_without_one()
    {
        var back = (AgreementReply)RoundTrip(new AgreementReply(null, new Rejection(RejectionCode.NotFound, "没有这个协议"), [], 0));

        Assert.Null(back.State);
        Assert.False(back.Exists);
        Assert.Equal(string.Empty, back.PersistenceId);
        Assert.Equal(RejectionCode.NotFound, back.Rejection!.Code);
    }

    [Fact]
    public void A_batch_s_routing_question_carries_only_what_routing_needs_in_its_order()
    {
        // 1,000 reports, as the API's batches: as whole reports this was 155–178 kB, past remoting's 128 kB frame.
        var figures = Enumerable.Range(0, 1000).Select(i => new FigureToRoute(Enterprise, RepositoryFiles.Indicator(i % 2 == 0 ? "vat" : "cit"), new YearMonth(2025, 1 + (i % 12)))).ToArray();
        var sent = new RouteFigures([.. figures]);

        var bytes = Sys.Serialization.FindSerializerFor(sent).ToBinary(sent);
        var back = (RouteFigures)RoundTrip(sent);

        Assert.True(bytes.Length < 64_000, $"{bytes.Length} bytes");
        Assert.Equal(figures, back.Figures.ToArray());
    }

    [Fact]
    public void Routes_keep_their_order_and_the_reports_no_agreement_covers()
    {
        var back = (FigureRoutes)RoundTrip(new FigureRoutes([null, Agreement, null]));

        Assert.Equal([null, Agreement, null], back.Agreements.ToArray());
    }

    [Theory]
    [InlineData("fire-trigger.v1", """{"agreementId":"GZ-2026-0001","by":"finance","trigger":"Explode","reason":null,"from":null}""", "'Explode' is not a LifecycleTrigger")]
    [InlineData("fire-trigger.v1", """{"agreementId":"GZ-2026-0001","by":"finance","trigger":"7","reason":null,"from":null}""", "'7' is not a LifecycleTrigger")]
    [InlineData("get-agreement.v1", """{"agreementId":"XX-1"}""", "get-agreement.v1")]
    [InlineData("no-such-message.v1", "{}", "Unknown manifest 'no-such-message.v1'")]
    public void A_damaged_message_fails_naming_what_is_wrong(string manifest, string json, string expected)
    {
        var serializer = (LedgerMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(GetAgreement));

        var failure = Assert.Throws<SerializationException>(() => serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(json), manifest));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    private object RoundTrip(object message)
    {
        var serializer = (LedgerMessageSerializer)Sys.Serialization.FindSerializerFor(message);
        return serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));
    }
}
