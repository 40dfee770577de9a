using Akka.TestKit.Xunit2;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Serialization;

using static RevenueShare.Ledger.Tests.Serialization.SerializerSamples;

public sealed class LedgerSerializerTests() : TestKit(LedgerSystems.Setup(LedgerConfig.For(StoreOptions.Sqlite(Path.GetTempPath()))))
{
    public static TheoryData<string> Manifests => [.. LedgerSerializer.SupportedTypes.Select(LedgerSerializer.ManifestFor)];

    /// <summary>A state as text with every collection sorted, decimals with their scale: equal text, equal state.</summary>
    private static string Canonical(AgreementState state)
    {
        var snapshot = AgreementSnapshotV1Wire.Of(state);
        var books = state.Books.OrderBy(b => b.Key).Select(b => new
        {
            enterprise = b.Key.Value,
            figures = b.Value.Figures.OrderBy(f => f.Indicator.Code, StringComparer.Ordinal).ThenBy(f => f.Month).Select(FigureReportWire.Of),
            lines = b.Value.Lines.OrderBy(l => l.Indicator.Code, StringComparer.Ordinal).ThenBy(l => l.Month).ThenBy(l => l.District).Select(AllocationLineWire.Of),
        });
        return System.Text.Json.JsonSerializer.Serialize(new { snapshot = snapshot with { Lines = [] }, books }, WireJson.Options);
    }

    [Fact]
    public void Every_type_with_a_manifest_has_a_sample_here()
    {
        Assert.Empty(LedgerSerializer.SupportedTypes.Except(SerializerSamples.ByType.Keys));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Each_type_round_trips_through_the_serializer_akka_picks_for_it(string manifest)
    {
        var sample = SerializerSamples.ByType[LedgerSerializer.SupportedTypes.Single(t => LedgerSerializer.ManifestFor(t) == manifest)];
        var serializer = Sys.Serialization.FindSerializerFor(sample);
        Assert.IsType<LedgerSerializer>(serializer);

        var bytes = serializer.ToBinary(sample);
        var back = ((LedgerSerializer)serializer).FromBinary(bytes, manifest);

        Assert.Equal(sample.GetType(), back.GetType());
        Assert.Equal(bytes, serializer.ToBinary(back));
    }

    [Fact]
    public void A_json_snapshot_carries_the_review_status_of_each_month_and_family()
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(JsonAgreementSnapshot));

        var state = ((JsonAgreementSnapshot)serializer.FromBinary(GoldenPayloads.Read("agreement-snapshot.v1"), "agreement-snapshot.v1")).State;

        Assert.True(state.IsLocked(January, IndicatorFamily.Tax));
        Assert.False(state.IsLocked(January, IndicatorFamily.Statistics));
    }

    [Fact]
    public void A_json_snapshot_written_before_reviews_existed_reads_as_never_reviewed()
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(JsonAgreementSnapshot));
        var json = System.Text.Json.Nodes.JsonNode.Parse(GoldenPayloads.Read("agreement-snapshot.v1"))!.AsObject();
        Assert.True(json.Remove("reviews"));

        var state = ((JsonAgreementSnapshot)serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), "agreement-snapshot.v1")).State;

        Assert.Empty(state.Reviews);
        Assert.Single(state.Reports);
    }

    [Fact]
    public void A_chained_snapshot_reads_back_as_the_same_state_chain_head_and_bytes()
    {
        var state = Rich();
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(ChainedAgreementSnapshot));
        Assert.Equal("agreement-snapshot.v5", serializer.Manifest(new ChainedAgreementSnapshot(state, Head)));

        var bytes = serializer.ToBinary(new ChainedAgreementSnapshot(state, Head));
        var read = (ChainedAgreementSnapshot)serializer.FromBinary(bytes, "agreement-snapshot.v5");
        var back = read.State;

        Assert.Equal(Head, read.ChainHead);
        Assert.Equal(Canonical(state), Canonical(back));
        Assert.Equal(bytes, serializer.ToBinary(new ChainedAgreementSnapshot(state, Head)));
        Assert.Equal(bytes, serializer.ToBinary(new ChainedAgreementSnapshot(back, Head)));
        Assert.Equal([.. Head.ToString().Chunk(2).Select(h => Convert.ToByte(new string(h), 16)), .. AgreementSnapshotV2Wire.Write(state)], bytes);
        Assert.Equal(2, back.Books[Enterprise].FigureCount);
        Assert.Equal(2.00m, back.Books[Enterprise].Current(RepositoryFiles.Indicator("vat"), January)!.Amount);
        Assert.Equal(back.Reports["r1b"], back.Books[Enterprise].Current(RepositoryFiles.Indicator("vat"), January));
        Assert.Equal(5, back.Reports.Count);
        Assert.True(back.IsLocked(January, IndicatorFamily.Tax));
        Assert.Equal(FormulaTerm.Formula, back.Rules.Versions[0].Terms[1].Formula);
        Assert.Equal(2, back.FactorReports.Count);
        Assert.Equal(2, back.Rules.Factors[(Enterprise, 2024)].Revision);
        Assert.Equal(1.50m, back.Rules.Factors[(Enterprise, 2024)].Factors[0].Factors.Payroll);
        Assert.Equal(3, back.HistoryReports.Count);
        Assert.Equal("tax-h-2022-01-vat-r2", back.CurrentHistory[(Enterprise, RepositoryFiles.Indicator("vat"), new YearMonth(2022, 1))].ReportId);
        Assert.Equal(5400.00m, back.Terms.Enterprises[0].Cap!.Amount);
        Assert.Equal(new Domain.Terms.Derivation(3, Certified: true), back.Rules.Enterprises[0].Cap!.Derived);
        Assert.Equal(12000.06m, back.Rules.Enterprises[0].Baselines[RepositoryFiles.Indicator("cit")]);
        Assert.Equal(Principal.Tax, back.Certified[(Enterprise, RepositoryFiles.Indicator("cit"))].By);
    }

    [Fact]
    public void The_json_form_of_a_state_still_reads_as_the_same_state()
    {
        var state = Rich();
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(JsonAgreementSnapshot));

        // agreement-snapshot.v1 is no longer written; its wire record is the compact form's head, so today's state in it reads back whole.
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(AgreementSnapshotV1Wire.Of(state), WireJson.Options);
        var back = ((JsonAgreementSnapshot)serializer.FromBinary(json, "agreement-snapshot.v1")).State;

        Assert.Equal(Canonical(state), Canonical(back));
        Assert.Equal(AgreementSnapshotV2Wire.Write(state), AgreementSnapshotV2Wire.Write(back));
    }

    [Fact]
    public void The_json_snapshot_of_v1_refuses_a_state_its_readers_never_knew()
    {
        var e = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => LedgerSerializer.Payload(new JsonAgreementSnapshot(Rich())));

        Assert.Contains("formula terms, factor reports, history or derived amounts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_state_built_in_another_order_gives_the_same_compact_bytes()
    {
        var created = RichCreated();
        var reversed = RichEvents()
            .Select(e => e is FiguresBooked booked ? booked with { Reports = [.. booked.Reports.Reverse()], Entries = [.. booked.Entries.Reverse()] } : e)
            .Aggregate(created, (state, e) => state.Apply(e));

        Assert.Equal(AgreementSnapshotV2Wire.Write(Rich()), AgreementSnapshotV2Wire.Write(reversed));
    }

    [Fact]
    public void A_truncated_or_padded_compact_snapshot_fails_loudly()
    {
        var bytes = AgreementSnapshotV2Wire.Write(Rich());

        Assert.ThrowsAny<System.Runtime.Serialization.SerializationException>(() => AgreementSnapshotV2Wire.Read(bytes.AsMemory(0, bytes.Length - 1), RepositoryFiles.Reference));
        Assert.ThrowsAny<System.Runtime.Serialization.SerializationException>(() => AgreementSnapshotV2Wire.Read((byte[])[.. bytes, 0], RepositoryFiles.Reference));
    }

    [Fact]
    public void Figures_booked_v2_keeps_every_value_of_the_event()
    {
        var booked = new FiguresBooked(
            AgreementId.Parse("GZ-2026-0001"),
            [Report, new FigureReport("r2 \"quoted\" 报表", Enterprise, RepositoryFiles.Indicator("industrial-output"), new YearMonth(2025, 12), -12.5m, 3)],
            [
                Entry,
                new BookedEntry(
                    new AllocationChange(new AllocationLine(Enterprise, RepositoryFiles.Indicator("industrial-output"), new YearMonth(2025, 12), Liwan, 0.0m, 33.34m, 1.10m, 2.20m, null, null, true), 0.0m, AllocationChangeKind.Allocation),
                    "amendment 2"),
            ],
            Instant.FromUtc(2026, 4, 2, 3, 4, 5).PlusNanoseconds(123_456_789),
            Principal.Statistics);
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));

        var back = (FiguresBooked)serializer.FromBinary(serializer.ToBinary(booked), "figures-booked.v2");

        // The wire records name every member, so equal text is equal values, decimal scales included.
        string Text(FiguresBooked e) => System.Text.Json.JsonSerializer.Serialize(
            new { e.AgreementId, e.At, e.By, reports = e.Reports.Select(FigureReportWire.Of), entries = BookedEntryWire.Of(e.Entries) }, WireJson.Options);
        Assert.Equal(Text(booked), Text(back));
        Assert.Contains("2026-04-02T03:04:05.123456789Z", Text(back), StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_booked_written_as_v1_still_reads()
    {
        var booked = (FiguresBooked)SerializerSamples.ByType[typeof(FiguresBooked)];
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));

        var back = (FiguresBooked)serializer.FromBinary(GoldenPayloads.Read("figures-booked.v1"), "figures-booked.v1");

        Assert.Equal(serializer.ToBinary(booked), serializer.ToBinary(back));
    }

    [Fact]
    public void A_damaged_figures_booked_payload_fails_loudly()
    {
        var serializer = (LedgerSerializer)Sys.Serialization.FindSerializerForType(typeof(FiguresBooked));
        var bytes = serializer.ToBinary(SerializerSamples.ByType[typeof(FiguresBooked)]);

        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary(bytes[..(bytes.Length / 2)], "figures-booked.v2"));
    }

    /// <summary>The catalogue may grow but never lose a code its journal uses (docs/storage.md): decoding stops, naming the code and the manifest.</summary>
    [Theory]
    [InlineData("figures-booked.v2")]
    [InlineData("agreement-snapshot.v5")]
    [InlineData("coverage-granted.v1")]
    [InlineData("agreement-created.v3")]
    [InlineData("history-reported.v1")]
    [InlineData("factors-reported.v1")]
    public void A_stored_indicator_missing_from_the_catalogue_fails_loudly(string manifest)
    {
        var withoutVat = new ReferenceData(RepositoryFiles.Reference.Districts, RepositoryFiles.Reference.Indicators.Where(i => i.Code != "vat"));
        var sample = SerializerSamples.ByType[LedgerSerializer.SupportedTypes.Single(t => LedgerSerializer.ManifestFor(t) == manifest)];
        var bytes = LedgerSerializer.Payload(sample);

        var e = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => LedgerSerializer.FromPayload(bytes, manifest, withoutVat));
        Assert.StartsWith($"{manifest}: the indicator 'vat' is not in the configured catalogue", e.Message, StringComparison.Ordinal);
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
        var json = System.Text.Encoding.UTF8.GetString(serializer.ToBinary(new FiguresBooked(AgreementId.Parse("GZ-2026-0001"), [Report with { Amount = 100.10m }], [], At, Principal.Tax)));
        Assert.Contains("[\"r1\",\"91440115MA5BLE2Y7A\",\"vat\",\"2025-01\",100.10,1]", json, StringComparison.Ordinal);
    }
}
