using System.Collections.Immutable;
using System.Text.Json;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Integration;

/// <summary>The read side's own rows, read back after a restart: agreement headers, booked reportIds.</summary>
public abstract partial class LedgerOnStoreContract
{
    [Fact]
    public async Task The_booked_reportIds_are_read_back_into_the_index_after_a_restart_and_after_a_rebuild_from_the_journal()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        var store = await NewStoreAsync();
        var other = CreditCode.Parse("91440115MA5BLE2Y8" + CreditCode.CheckCharacter("91440115MA5BLE2Y8"));
        string first, second;
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            first = await ApproveAsync(ledger, CapTerms(Enterprise));
            second = await ApproveAsync(ledger, CapTerms(other.Value));
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("a1", "2025-01", 1.00m), Report("a2", "2025-02", 1.00m)], default);
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("b1", "2025-01", 1.00m) with { Enterprise = other }], default);
        }

        async Task AssertIndexAsync(LedgerHost ledger)
        {
            var read = new Dictionary<string, AgreementId>(StringComparer.Ordinal);
            await using var snapshot = await ledger.Reads.SnapshotAsync(default);
            await foreach (var (reportId, agreement) in snapshot.BookedReportIdsAsync(default))
            {
                read.Add(reportId, agreement);
            }

            Assert.Equal(
                new Dictionary<string, AgreementId> { ["a1"] = AgreementId.Parse(first), ["a2"] = AgreementId.Parse(first), ["b1"] = AgreementId.Parse(second) },
                read);
            var reused = Assert.Single(await ledger.Gateway.BookAsync(Principal.Tax, [Report("a2", "2025-02", 1.00m) with { Enterprise = other }], default));
            Assert.Equal(RejectionCode.ReportIdReused, reused.Rejection!.Code);
            Assert.Contains(first, reused.Rejection.Message, StringComparison.Ordinal);
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            await AssertIndexAsync(ledger);

            // What a read database of schema version 3 looked like: the reportIds only in the audit trail.
            await using var connection = await ledger.Database.OpenAsync();
            foreach (var sql in new[] { "DROP TABLE report_ids", "UPDATE read_schema SET version = 3" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            await AssertIndexAsync(ledger);
        }
    }

    [Fact]
    public async Task The_agreement_header_read_back_is_the_agreement_s_state_through_an_amendment_a_suspension_and_a_termination()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, CapTerms());
            await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m), Report("r2", "2025-07", 400.00m)], default);
            await AssertHeaderAsync(ledger, id);

            // Amendment 1 approved (July on), amendment 2 withdrawn: only the first is in the rules.
            await SendAsync(ledger, new ProposeAmendment(AgreementId.Parse(id), Principal.ForDistrict(DistrictCode.Parse("440103")), Months.Parse("2025-07"), EvenSplit("2025-07")));
            await SendAsync(ledger, new FireAmendmentTrigger(AgreementId.Parse(id), Principal.ForDistrict(DistrictCode.Parse("440115")), 1, LifecycleTrigger.CountersignAmendment, null));
            await SendAsync(ledger, new FireAmendmentTrigger(AgreementId.Parse(id), Principal.Finance, 1, LifecycleTrigger.ApproveAmendment, "同意修订"));
            await SendAsync(ledger, new ProposeAmendment(AgreementId.Parse(id), Principal.ForDistrict(DistrictCode.Parse("440115")), Months.Parse("2025-09"), EvenSplit("2025-09")));
            Assert.Equal(AgreementStatus.AmendmentAwaitingCountersign, (await AssertHeaderAsync(ledger, id)).Status);
            await SendAsync(ledger, new FireAmendmentTrigger(AgreementId.Parse(id), Principal.ForDistrict(DistrictCode.Parse("440115")), 2, LifecycleTrigger.WithdrawAmendment, "撤回"));

            // Suspended March and April, then again from September.
            await SendAsync(ledger, new FireTrigger(AgreementId.Parse(id), Principal.Finance, LifecycleTrigger.Suspend, "审计", Months.Parse("2025-03")));
            Assert.Equal(Months.Parse("2025-03"), (await AssertHeaderAsync(ledger, id)).SuspendedFrom);
            await SendAsync(ledger, new FireTrigger(AgreementId.Parse(id), Principal.Finance, LifecycleTrigger.Resume, "审计完成", Months.Parse("2025-05")));
            await SendAsync(ledger, new FireTrigger(AgreementId.Parse(id), Principal.Finance, LifecycleTrigger.Suspend, "再次审计", Months.Parse("2025-09")));
        }

        // A fresh host reads the header back from its row, and projects the termination onto it.
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            await AssertHeaderAsync(ledger, id);
            await SendAsync(ledger, new FireTrigger(AgreementId.Parse(id), Principal.Finance, LifecycleTrigger.Terminate, "企业迁出", Months.Parse("2025-11")));
            var header = await AssertHeaderAsync(ledger, id);
            Assert.Equal((AgreementStatus.Terminated, Months.Parse("2025-11")), (header.Status, header.TerminatedFrom));
            Assert.Equal<MonthRange>([new MonthRange(Months.Parse("2025-03"), Months.Parse("2025-04")), new MonthRange(Months.Parse("2025-09"), Months.Parse("2025-10"))], header.Pauses);
            Assert.Equal([AmendmentStatus.Approved, AmendmentStatus.Withdrawn], header.Amendments.Select(a => a.Status));
            Assert.Equal([Months.Parse("2025-01"), Months.Parse("2025-07")], header.Rules.Versions.Select(v => v.From));
        }
    }

    [Fact]
    public async Task A_booking_advances_the_agreement_s_projected_version_and_leaves_its_header_row_as_its_last_lifecycle_event_wrote_it()
    {
        var clock = LedgerHost.ClockAt("2025-06-01T00:00:00Z");
        await using var ledger = await LedgerHost.StartAsync(await NewStoreAsync(), clock);
        var id = await ApproveAsync(ledger, CapTerms());
        var approved = await RowAsync(ledger, id);

        await ledger.Gateway.BookAsync(Principal.Tax, [Report("r1", "2025-01", 600.00m)], default);
        await ledger.Gateway.BookAsync(Principal.Tax, [Report("r2", "2025-02", 400.00m)], default);
        await AssertHeaderAsync(ledger, id);

        var booked = await RowAsync(ledger, id);
        var state = (await ledger.Gateway.GetAsync(AgreementId.Parse(id), default))!;
        Assert.Equal(approved.Header, booked.Header);
        Assert.Equal(approved.Projected + 2, booked.Projected);
        Assert.Equal(state.Version, booked.Projected);
    }

    /// <summary>The agreement's header row (its version, last update and terms) and its projected version.</summary>
    private static async Task<(string Header, long Projected)> RowAsync(LedgerHost ledger, string id)
    {
        await ledger.ReadAsync(at => at.AgreementsAsync(null, default));
        await using var connection = await ledger.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.version, a.updated_at, a.terms, v.version FROM agreements a JOIN agreement_versions v ON v.id = a.id WHERE a.id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return ($"{reader.GetInt64(0)} {reader.GetString(1)} {reader.GetString(2)}", reader.GetInt64(3));
    }

    /// <summary>
    /// The header the read side lists equals the agreement's own state on every field the routes
    /// read, and its rules and months open answer alike; it carries no figures.
    /// </summary>
    private static async Task<AgreementState> AssertHeaderAsync(LedgerHost ledger, string id)
    {
        var state = (await ledger.Gateway.GetAsync(AgreementId.Parse(id), default))!;
        var header = Assert.Single(await ledger.ReadAsync(at => at.AgreementsAsync(DistrictCode.Parse("440115"), default)), a => a.Id.Value == id);
        Assert.Equal(RouteFields(state), RouteFields(header));
        for (var month = state.Terms.Effective.From; month <= state.Terms.Effective.To; month = month.PlusMonths(1))
        {
            Assert.Equal(state.IsOpenFor(month), header.IsOpenFor(month));
            Assert.Equal(Json(Wire(state.Rules.TermFor(RepositoryFiles.Indicator("vat"), month))), Json(Wire(header.Rules.TermFor(RepositoryFiles.Indicator("vat"), month))));
        }

        Assert.Empty(header.Books);
        Assert.Empty(header.Reports);
        return header;
    }

    private static string RouteFields(AgreementState s) => Json(new
    {
        s.Id, s.Status, s.TopLevelStatus, s.IsActive, s.WasApproved, Terms = AgreementTermsWire.Of(s.Terms), Rules = AgreementRulesWire.Of(s.Rules), s.Proposer, s.Signatures,
        Amendments = s.Amendments.Select(AmendmentWire.Of), PendingAmendment = s.PendingAmendment is { } pending ? AmendmentWire.Of(pending) : null,
        Pauses = s.Pauses.Select(MonthRangeWire.Of), s.SuspendedFrom, s.TerminatedFrom, s.Version,
    });

    private static SharingTermWire? Wire(SharingTerm? term) => term is null ? null : SharingTermWire.Of(term);

    /// <summary>Values as text through the wire records, whose dictionaries are written in ordinal order: equal text, equal values.</summary>
    private static string Json(object? value) => JsonSerializer.Serialize(value, WireJson.Options);

    private static async Task SendAsync(LedgerHost ledger, IAgreementCommand command)
    {
        var reply = await ledger.Gateway.SendAsync(command, default);
        Assert.Null(reply.Rejection);
    }

    private static ImmutableArray<SharingTerm> EvenSplit(string from) =>
        [new SharingTerm([RepositoryFiles.Indicator("vat")], AllocationMode.Split, [new RatioStep(Months.Parse(from), ImmutableDictionary<DistrictCode, decimal>.Empty.Add(DistrictCode.Parse("440103"), 50m).Add(DistrictCode.Parse("440115"), 50m))])];
}
