using System.Collections.Immutable;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Tests.Serialization;

public sealed class LedgerSerializerTests() : TestKit(LedgerConfig.For(StoreOptions.Sqlite(Path.GetTempPath())))
{
    private static readonly Instant At = Instant.FromUtc(2026, 4, 2, 3, 4, 5);
    private static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");
    private static readonly YearMonth January = new(2025, 1);

    private static readonly SharingTerm Term = new(
        ["vat", "cit"], AllocationMode.Split, [new RatioStep(January, ImmutableDictionary<string, decimal>.Empty.Add("440103", 60m).Add("440115", 40m))]);

    private static readonly AgreementTerms Terms = new(
        "封顶示例",
        AgreementModel.HqRndManufacturing,
        [new Party("440103", PartyRole.Origin), new Party("440115", PartyRole.Host)],
        new EffectivePeriod(January, new YearMonth(2029, 12)),
        [new CoveredEnterprise(Enterprise, "示例", "440115", ImmutableDictionary<string, decimal>.Empty.Add("cit", 1000.00m), new EnterpriseCap(["vat"], 500.00m))],
        [Term]);

    private static readonly BookedEntry Entry = new(
        new AllocationChange(new AllocationLine(Enterprise, "vat", January, "440103", 360.00m, 60m, 0.00m, 600.00m, 500.00m, 140.00m, false), -60.00m, AllocationChangeKind.Adjustment),
        "r1b");

    private static readonly FigureReport Report = new("r1", Enterprise, "vat", January, 600.00m, 1);

    public static TheoryData<string> Manifests => [.. LedgerSerializer.SupportedTypes.Select(LedgerSerializer.ManifestFor)];

    private static IReadOnlyDictionary<Type, object> Samples { get; } = new object[]
    {
        new AgreementCreated("GZ-2026-0001", Terms, At, "district:440103"),
        new DraftEdited("GZ-2026-0001", Terms, At, "district:440103"),
        new AgreementSubmitted("GZ-2026-0001", At, "district:440103"),
        new AgreementCountersigned("GZ-2026-0001", "440115", At, "district:440115"),
        new AgreementApproved("GZ-2026-0001", "符合政策", At, "finance"),
        new AgreementRejected("GZ-2026-0001", null, At, "finance"),
        new AgreementWithdrawn("GZ-2026-0001", "重新谈判", At, "district:440103"),
        new AgreementSuspended("GZ-2026-0001", new YearMonth(2025, 6), "审计", At, "finance"),
        new AgreementResumed("GZ-2026-0001", new YearMonth(2025, 8), "审计结束", At, "finance"),
        new AgreementTerminated("GZ-2026-0001", new YearMonth(2026, 1), "企业迁出", At, "finance"),
        new AmendmentProposed("GZ-2026-0001", 1, new YearMonth(2026, 1), [Term], At, "district:440115"),
        new AmendmentCountersigned("GZ-2026-0001", 1, "440103", At, "district:440103"),
        new AmendmentApproved("GZ-2026-0001", 1, null, [Entry], At, "finance"),
        new AmendmentRejected("GZ-2026-0001", 1, "比例不当", At, "finance"),
        new AmendmentWithdrawn("GZ-2026-0001", 1, null, At, "district:440115"),
        new FiguresBooked("GZ-2026-0001", [Report], [Entry], At, "tax"),
        new MonthReviewed("GZ-2026-0001", January, IndicatorFamily.Tax, ReviewDecision.Reopen, "企业更正申报", At, "tax"),
        AgreementSnapshot.Of(AgreementState.Created(new AgreementCreated("GZ-2026-0001", Terms, At, "district:440103"))
            .Apply(new FiguresBooked("GZ-2026-0001", [Report], [Entry], At, "tax"))
            .Apply(new MonthReviewed("GZ-2026-0001", January, IndicatorFamily.Tax, ReviewDecision.Approve, null, At, "tax"))),
        new CoverageGranted("GZ-2026-0001", [new CoverageItem(Enterprise, "vat", January, new YearMonth(2029, 12))]),
        new CoverageSnapshot([new CoverageGranted("GZ-2026-0001", [])]),
        new AgreementNumberIssued(2026, 1),
    }.ToDictionary(o => o.GetType());

    [Fact]
    public void Every_type_with_a_manifest_has_a_sample_here()
    {
        Assert.Empty(LedgerSerializer.SupportedTypes.Except(Samples.Keys));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Each_type_round_trips_through_the_serializer_akka_picks_for_it(string manifest)
    {
        var sample = Samples[LedgerSerializer.SupportedTypes.Single(t => LedgerSerializer.ManifestFor(t) == manifest)];
        var serializer = Sys.Serialization.FindSerializerFor(sample);
        Assert.IsType<LedgerSerializer>(serializer);

        var bytes = serializer.ToBinary(sample);
        var back = ((LedgerSerializer)serializer).FromBinary(bytes, manifest);

        Assert.Equal(sample.GetType(), back.GetType());
        Assert.Equal(bytes, serializer.ToBinary(back));
    }

    [Fact]
    public void A_snapshot_carries_the_review_status_of_each_month_and_family()
    {
        var snapshot = (AgreementSnapshot)Samples[typeof(AgreementSnapshot)];
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(AgreementSnapshot));

        var state = ((AgreementSnapshot)serializer.FromBinary(serializer.ToBinary(snapshot), "agreement-snapshot.v1")).ToState();

        Assert.True(state.IsLocked(January, IndicatorFamily.Tax));
        Assert.False(state.IsLocked(January, IndicatorFamily.Statistics));
    }

    [Fact]
    public void A_snapshot_written_before_reviews_existed_reads_as_never_reviewed()
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(AgreementSnapshot));
        var json = System.Text.Json.Nodes.JsonNode.Parse(serializer.ToBinary(Samples[typeof(AgreementSnapshot)]))!.AsObject();
        json.Remove("reviews");

        var state = ((AgreementSnapshot)serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), "agreement-snapshot.v1")).ToState();

        Assert.Empty(state.Reviews);
        Assert.Single(state.Reports);
    }

    [Fact]
    public void Figures_booked_v2_keeps_every_value_of_the_event()
    {
        var booked = new FiguresBooked(
            "GZ-2026-0001",
            [Report, new FigureReport("r2 \"quoted\" 报表", Enterprise, "industrial-output", new YearMonth(2025, 12), -12.5m, 3)],
            [
                Entry,
                new BookedEntry(
                    new AllocationChange(new AllocationLine(Enterprise, "industrial-output", new YearMonth(2025, 12), "440103", 0.0m, 33.34m, 1.10m, 2.20m, null, null, true), 0.0m, AllocationChangeKind.Allocation),
                    "amendment 2"),
            ],
            Instant.FromUtc(2026, 4, 2, 3, 4, 5).PlusNanoseconds(123_456_789),
            "statistics");
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));

        var back = (FiguresBooked)serializer.FromBinary(serializer.ToBinary(booked), "figures-booked.v2");

        // The v1 form names every member, so equal v1 text is equal values, decimal scales included.
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(booked, LedgerJson.Options),
            System.Text.Json.JsonSerializer.Serialize(back, LedgerJson.Options));
    }

    [Fact]
    public void Figures_booked_written_as_v1_still_reads()
    {
        var booked = (FiguresBooked)Samples[typeof(FiguresBooked)];
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));
        var v1 = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(booked, LedgerJson.Options);

        var back = (FiguresBooked)serializer.FromBinary(v1, "figures-booked.v1");

        Assert.Equal(serializer.ToBinary(booked), serializer.ToBinary(back));
    }

    [Fact]
    public void A_damaged_figures_booked_payload_fails_loudly()
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));
        var bytes = serializer.ToBinary(Samples[typeof(FiguresBooked)]);

        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary(bytes[..(bytes.Length / 2)], "figures-booked.v2"));
    }

    [Fact]
    public void An_unknown_manifest_fails_loudly()
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([], "figures-booked.v0"));
    }

    [Fact]
    public void Amounts_keep_their_scale_in_the_payload()
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));
        var json = System.Text.Encoding.UTF8.GetString(serializer.ToBinary(new FiguresBooked("GZ-2026-0001", [Report with { Amount = 100.10m }], [], At, "tax")));
        Assert.Contains("[\"r1\",\"91440115MA5BLE2Y7A\",\"vat\",\"2025-01\",100.10,1]", json, StringComparison.Ordinal);
    }
}
