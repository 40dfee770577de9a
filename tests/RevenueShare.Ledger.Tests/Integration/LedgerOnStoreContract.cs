using System.Text.Json;
using Akka.Actor;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Integration;

/// <summary>
/// The ledger through its gateway on a real store, restarted on the same data. Run on SQLite files
/// and on a PostgreSQL server by the subclasses.
/// </summary>
public abstract partial class LedgerOnStoreContract
{
    private const string Enterprise = "91440115MA5BLE2Y7A";

    /// <summary>A store of the test's own, empty.</summary>
    protected abstract Task<StoreOptions> NewStoreAsync();

    [Fact]
    public async Task The_worked_cap_example_is_booked_restated_and_survives_a_restart()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            var created = await ledger.Gateway.CreateAsync(Principal.ForDistrict(DistrictCode.Parse("440103")), CapTerms(), default);
            Assert.Null(created.Rejection);
            id = created.State!.Id.Value;
            Assert.Equal("GZ-2025-0001", id);
            await Fire(ledger, id, Principal.ForDistrict(DistrictCode.Parse("440103")), LifecycleTrigger.Submit);
            await Fire(ledger, id, Principal.ForDistrict(DistrictCode.Parse("440115")), LifecycleTrigger.Countersign);
            var approved = await Fire(ledger, id, Principal.Finance, LifecycleTrigger.Approve);
            Assert.Equal(AgreementStatus.Running, approved.State!.Status);

            var outcomes = await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m), Report("r2", "2025-02", 400.00m), Report("r3", "2025-03", 100.00m)], default);
            Assert.All(outcomes, o => Assert.Equal(ReportStatus.Booked, o.Status));
            Assert.Equal(
                ["2025-01 440103 360.00", "2025-01 440115 240.00", "2025-02 440103 140.00", "2025-02 440115 260.00", "2025-03 440103 0.00", "2025-03 440115 100.00"],
                Lines(await Allocations(ledger, id)));

            var restated = await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1b", "2025-01", 500.00m, revision: 2)], default);
            Assert.Equal(ReportStatus.Booked, restated.Single().Status);
            var adjustments = (await Allocations(ledger, id)).Where(e => e.Kind == "adjustment").ToArray();
            Assert.Equal(["2025-01 440103 -60.00", "2025-01 440115 -40.00", "2025-02 440103 60.00", "2025-02 440115 -60.00"], Lines(adjustments));
            Assert.All(adjustments, e => Assert.Equal("r1b", e.Cause));
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            var state = await ledger.Gateway.GetAsync(AgreementId.Parse(id), default);
            Assert.Equal(AgreementStatus.Running, state!.Status);
            var again = await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1b", "2025-01", 500.00m, revision: 2), Report("r4", "2025-04", 50.00m)], default);
            Assert.Equal([ReportStatus.Duplicate, ReportStatus.Booked], again.Select(o => o.Status));
            var april = (await Allocations(ledger, id)).Where(e => e.Month == Months.Parse("2025-04"));
            Assert.Equal(["2025-04 440103 0.00", "2025-04 440115 50.00"], Lines(april));
            var trail = await ledger.ReadAsync(at => at.AuditTrailAsync(AgreementId.Parse(id), default));
            Assert.Equal(["agreement-created", "agreement-submitted", "agreement-countersigned", "agreement-approved", "figures-booked", "figures-booked", "figures-booked"], trail.Select(t => t.Type));
        }
    }

    [Fact]
    public async Task A_reportId_booked_under_one_agreement_is_refused_for_a_figure_of_another()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), clock);
        var other = CreditCode.Parse("91440115MA5BLE2Y8" + CreditCode.CheckCharacter("91440115MA5BLE2Y8"));
        var first = await ApproveAsync(ledger, CapTerms(Enterprise));
        var second = await ApproveAsync(ledger, CapTerms(other.Value));

        var booked = await ledger.Gateway.BookAsync(Principal.Tax, [Report("shared-id", "2025-01", 1.00m)], default);
        Assert.Equal(first, booked.Single().Agreement?.Value);

        var reused = await ledger.Gateway.BookAsync(Principal.Tax, [Report("shared-id", "2025-01", 1.00m) with { Enterprise = other }], default);
        Assert.Equal(ReportStatus.Rejected, reused.Single().Status);
        Assert.Equal(RejectionCode.ReportIdReused, reused.Single().Rejection!.Code);
        Assert.Contains(first, reused.Single().Rejection!.Message, StringComparison.Ordinal);
        Assert.Empty(await Allocations(ledger, second));
    }

    // An id of the wrong shape ("../etc", "GZ-2025-1") cannot reach the gateway any more: AgreementId
    // refuses it. "GZ-2025-00001" has the shape but is not how the numbering writes its first number.
    [Theory]
    [InlineData("GZ-2025-0099")]
    [InlineData("GZ-2025-00001")]
    public async Task An_id_never_given_out_is_not_found_without_starting_an_agreement(string id)
    {
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), LedgerHost.ClockAt("2025-06-01T00:00:00Z"));
        await ApproveAsync(ledger, CapTerms());

        Assert.Null(await ledger.Gateway.GetAsync(AgreementId.Parse(id), default));
        var reply = await ledger.Gateway.SendAsync(new FireTrigger(AgreementId.Parse(id), Principal.Finance, LifecycleTrigger.Suspend, "审计", null), default);
        Assert.Equal(RejectionCode.NotFound, reply.Rejection!.Code);
    }

    [Fact]
    public async Task Reviews_are_projected_as_the_current_status_and_the_history_and_survive_a_restart()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, CapTerms());
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m), Report("r2", "2025-02", 400.00m)], default);
            await Review(ledger, id, "2025-02", ReviewDecision.Approve, null);
            await Review(ledger, id, "2025-01", ReviewDecision.Dispute, "r1 金额待核");
            await Review(ledger, id, "2025-02", ReviewDecision.Reopen, "企业更正申报");
            await Review(ledger, id, "2025-02", ReviewDecision.Approve, "更正后复核");
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            var reviews = await ledger.ReadAsync(at => at.ReviewsAsync(AgreementId.Parse(id), null, default));
            Assert.Equal(
                ["2025-01 tax disputed r1 金额待核", "2025-02 tax approved 更正后复核"],
                reviews.Select(r => $"{Months.Format(r.Month)} {r.Family} {r.Status} {r.Reason}"));
            Assert.All(reviews, r => Assert.Equal(("tax", id), (r.By, r.Agreement)));
            Assert.Single(await ledger.ReadAsync(at => at.ReviewsAsync(null, Months.Parse("2025-02"), default)));

            // The lock came back with the agreement: a restatement that ripples into February is refused.
            var refused = await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1b", "2025-01", 500.00m, revision: 2)], default);
            Assert.Equal(RejectionCode.Locked, refused.Single().Rejection?.Code);
            var trail = await ledger.ReadAsync(at => at.AuditTrailAsync(AgreementId.Parse(id), default));
            var reviewed = trail.Where(t => t.Type == "month-reviewed").ToArray();
            Assert.Equal(4, reviewed.Length);

            // Every decision of the month, in journal order, at the sequence number, instant and office of its event.
            var history = await ledger.ReadAsync(at => at.ReviewHistoryAsync(AgreementId.Parse(id), Months.Parse("2025-02"), default));
            Assert.Equal(
                ["tax approve ", "tax reopen 企业更正申报", "tax approve 更正后复核"],
                history.Select(h => $"{h.Family} {h.Decision} {h.Reason}"));
            Assert.Equal(
                reviewed.Where(t => t.SequenceNr != reviewed[1].SequenceNr).Select(t => (t.SequenceNr, t.At, t.By)),
                history.Select(h => (h.SequenceNr, h.At, h.By)));
            Assert.Equal(["dispute"], (await ledger.ReadAsync(at => at.ReviewHistoryAsync(AgreementId.Parse(id), Months.Parse("2025-01"), default))).Select(h => h.Decision));
            Assert.Empty(await ledger.ReadAsync(at => at.ReviewHistoryAsync(AgreementId.Parse(id), Months.Parse("2025-03"), default)));
        }
    }

    [Fact]
    public async Task The_month_totals_follow_bookings_and_restatements_and_are_rebuilt_from_the_journal_for_an_older_schema()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        int entries;
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, CapTerms());
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m), Report("r2", "2025-02", 400.00m), Report("r3", "2025-03", 100.00m)], default);
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1b", "2025-01", 500.00m, revision: 2)], default);
            entries = (await Allocations(ledger, id)).Count;
            await AssertTotalsAsync(ledger, id);
            Assert.Equal([(Enterprise, "vat")], await ledger.ReadAsync(at => at.ReportedAsync(AgreementId.Parse(id), Months.Parse("2025-02"), default)));
            Assert.Empty(await ledger.ReadAsync(at => at.ReportedAsync(AgreementId.Parse(id), Months.Parse("2025-04"), default)));

            // What a read database of schema version 1 looked like: no totals, no version 2.
            await using var connection = await ledger.Database.OpenAsync();
            foreach (var sql in new[] { "DROP TABLE allocation_totals", "DROP TABLE figure_totals", "UPDATE read_schema SET version = 1" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            Assert.Equal(entries, (await Allocations(ledger, id)).Count);
            await AssertTotalsAsync(ledger, id);
            Assert.Equal(6, (await ledger.ReadAsync(at => at.AuditTrailAsync(AgreementId.Parse(id), default))).Count);
        }
    }

    /// <summary>The totals equal the entries and figures they total: January restated 600.00 → 500.00.</summary>
    private static async Task AssertTotalsAsync(LedgerHost ledger, string id)
    {
        var (from, to) = (Months.Parse("2025-01"), Months.Parse("2025-03"));
        var expected = (await Allocations(ledger, id))
            .GroupBy(e => (e.Indicator, e.District))
            .Select(g => $"{g.Key.Indicator} {g.Key.District} 440115 False {Amounts.Format(g.Sum(e => e.Amount), 2)}")
            .Order(StringComparer.Ordinal);
        var totals = await ledger.ReadAsync(at => at.AllocationTotalsAsync(from, to, default));
        Assert.Equal(expected, totals.Select(t => $"{t.Indicator} {t.District} {t.Registered} {t.DoubleCount} {Amounts.Format(t.Units / 100m, 2)}"));
        Assert.Equal(["440103 500.00", "440115 500.00"], totals.Select(t => $"{t.District} {Amounts.Format(t.Units / 100m, 2)}"));
        var figures = await ledger.ReadAsync(at => at.FigureTotalsAsync(from, to, default));
        Assert.Equal([$"{id} vat 440115 100000 3"], figures.Select(f => $"{f.Agreement} {f.Indicator} {f.Registered} {f.Units} {f.Count}"));
        var january = await ledger.ReadAsync(at => at.FigureTotalsAsync(from, from, default));
        Assert.Equal([$"{id} vat 440115 50000 1"], january.Select(f => $"{f.Agreement} {f.Indicator} {f.Registered} {f.Units} {f.Count}"));
    }

    private static async Task Review(LedgerHost ledger, string id, string month, ReviewDecision decision, string? reason)
    {
        var reply = await ledger.Gateway.SendAsync(new ReviewMonth(AgreementId.Parse(id), Principal.Tax, Months.Parse(month), IndicatorFamily.Tax, decision, reason), default);
        Assert.Null(reply.Rejection);
    }

    private static async Task<AgreementReply> Fire(LedgerHost ledger, string id, Principal by, LifecycleTrigger trigger)
    {
        var reply = await ledger.Gateway.SendAsync(new FireTrigger(AgreementId.Parse(id), by, trigger, null, null), default);
        Assert.Null(reply.Rejection);
        return reply;
    }

    private static Task<IReadOnlyList<AllocationEntryRow>> Allocations(LedgerHost ledger, string id) =>
        ledger.ReadAsync(at => at.AllocationsAsync(new AllocationQuery(AgreementId.Parse(id), null, null, null, null, ["tax", "statistics"], null), default));

    private static string[] Lines(IEnumerable<AllocationEntryRow> entries) =>
        [.. entries.Select(e => $"{Months.Format(e.Month)} {e.District} {Amounts.Format(e.Amount, 2)}")];

    /// <summary>vat of 10.00 for <paramref name="count"/> months from <paramref name="first"/>, one batch (one event) per month.</summary>
    private static async Task<List<FigureOutcome>> BookMonthlyAsync(LedgerHost ledger, YearMonth first, int count)
    {
        var outcomes = new List<FigureOutcome>();
        for (var i = 0; i < count; i++)
        {
            outcomes.AddRange(await ledger.Gateway.BookAsync(Principal.Tax, [Report($"m{i}", Months.Format(first.PlusMonths(i)), 10.00m)], default));
        }

        return outcomes;
    }

    private static FigureReport Report(string reportId, string month, decimal amount, int revision = 1) =>
        new(reportId, CreditCode.Parse(Enterprise), RepositoryFiles.Indicator("vat"), Months.Parse(month), amount, revision);

    [Fact]
    public async Task An_agreement_recovered_from_its_snapshot_carries_on_where_it_stopped()
    {
        var clock = LedgerHost.ClockAt("2030-01-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        var month = Months.Parse("2025-01");
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, CapTerms());

            // One event per month: 4 lifecycle events + 55 batches passes the snapshot interval of 50.
            Assert.All(await BookMonthlyAsync(ledger, month, 55), outcome => Assert.Equal(ReportStatus.Booked, outcome.Status));
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            var state = await ledger.Gateway.GetAsync(AgreementId.Parse(id), default);
            Assert.Equal(59, state!.Version);
            Assert.Equal(55, state.Reports.Count);

            // 55 × 6.00 = 330.00 of the 500.00 cap went to 440103; the next figure of 400.00 fits 170.00 only.
            var outcome = await ledger.Gateway.BookAsync(Principal.Tax, [Report("m55", Months.Format(month.PlusMonths(55)), 400.00m)], default);
            Assert.Equal(ReportStatus.Booked, outcome.Single().Status);
            var last = (await Allocations(ledger, id)).Where(e => e.Month == month.PlusMonths(55));
            Assert.Equal([$"{Months.Format(month.PlusMonths(55))} 440103 170.00", $"{Months.Format(month.PlusMonths(55))} 440115 230.00"], Lines(last));
        }
    }

    [Fact]
    public async Task An_agreement_whose_newest_snapshot_is_json_of_v1_recovers_from_it()
    {
        var clock = LedgerHost.ClockAt("2030-01-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        var month = Months.Parse("2025-01");
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, CapTerms());
            await BookMonthlyAsync(ledger, month, 55);

            // What a store written before agreement-snapshot.v2 holds: its compact snapshots replaced by one JSON snapshot.
            var state = (await ledger.Gateway.GetAsync(AgreementId.Parse(id), default))!;
            var snapshots = Akka.Persistence.Persistence.Instance.Apply(ledger.System).SnapshotStoreFor(null);
            var persistenceId = AgreementActor.PersistenceIdOf(AgreementId.Parse(id));
            await snapshots.Ask<Akka.Persistence.DeleteSnapshotsSuccess>(
                new Akka.Persistence.DeleteSnapshots(persistenceId, Akka.Persistence.SnapshotSelectionCriteria.Latest), TimeSpan.FromSeconds(15));
            await snapshots.Ask<Akka.Persistence.SaveSnapshotSuccess>(
                new Akka.Persistence.SaveSnapshot(new Akka.Persistence.SnapshotMetadata(persistenceId, state.Version, DateTime.UtcNow), new RevenueShare.Ledger.Serialization.JsonAgreementSnapshot(state)), TimeSpan.FromSeconds(15));
            var loaded = await snapshots.Ask<Akka.Persistence.LoadSnapshotResult>(
                new Akka.Persistence.LoadSnapshot(persistenceId, Akka.Persistence.SnapshotSelectionCriteria.Latest, long.MaxValue), TimeSpan.FromSeconds(15));
            Assert.IsType<RevenueShare.Ledger.Serialization.JsonAgreementSnapshot>(loaded.Snapshot.Snapshot);
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            var state = await ledger.Gateway.GetAsync(AgreementId.Parse(id), default);
            Assert.Equal(59, state!.Version);
            Assert.Equal(55, state.Reports.Count);
            var outcome = await ledger.Gateway.BookAsync(Principal.Tax, [Report("m55", Months.Format(month.PlusMonths(55)), 400.00m)], default);
            Assert.Equal(ReportStatus.Booked, outcome.Single().Status);
            var last = (await Allocations(ledger, id)).Where(e => e.Month == month.PlusMonths(55));
            Assert.Equal([$"{Months.Format(month.PlusMonths(55))} 440103 170.00", $"{Months.Format(month.PlusMonths(55))} 440115 230.00"], Lines(last));
        }
    }

    private static async Task<string> ApproveAsync(LedgerHost ledger, AgreementTerms terms)
    {
        var id = (await ledger.Gateway.CreateAsync(Principal.ForDistrict(DistrictCode.Parse("440103")), terms, default)).State!.Id.Value;
        await Fire(ledger, id, Principal.ForDistrict(DistrictCode.Parse("440103")), LifecycleTrigger.Submit);
        await Fire(ledger, id, Principal.ForDistrict(DistrictCode.Parse("440115")), LifecycleTrigger.Countersign);
        await Fire(ledger, id, Principal.Finance, LifecycleTrigger.Approve);
        return id;
    }

    private static AgreementTerms CapTerms(string enterprise = Enterprise)
    {
        var json = $$"""
            {
              "title": "封顶示例", "model": "hq-rnd+manufacturing",
              "parties": [ { "district": "440103", "role": "origin" }, { "district": "440115", "role": "host" } ],
              "effective": { "from": "2025-01", "to": "2029-12" },
              "enterprises": [ { "id": "{{enterprise}}", "name": "示例", "registeredDistrict": "440115",
                                 "cap": { "indicators": ["vat"], "amount": "500.00" } } ],
              "terms": [ { "indicators": ["vat"], "schedule": [ { "from": "2025-01", "ratios": { "440103": "60", "440115": "40" } } ] } ]
            }
            """;
        var document = JsonSerializer.Deserialize<AgreementDocument>(json, JsonSerializerOptions.Web);
        Assert.True(AgreementDocumentReader.TryRead(document, RepositoryFiles.Reference, out var terms, out var problems), string.Join("; ", problems));
        return terms;
    }
}
