using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The stored form of <c>agreement-snapshot.v1</c>, one JSON document of an agreement's whole state,
/// and the head of <c>agreement-snapshot.v2</c> (the same document with no reports and no lines).
/// Every report ever booked is kept (duplicates are recognised by reportId forever); each enterprise's
/// current figures are the highest revision per indicator and month. <see cref="Reviews"/> came later:
/// a snapshot written before it has none, and the agreement had none. <see cref="Factors"/> came with
/// <c>agreement-snapshot.v4</c>: every factor report booked, the current factors of each enterprise and
/// year being the highest revision; a snapshot before it has none, and the agreement had none.
/// <see cref="History"/> and <see cref="Certifications"/> came with <c>agreement-snapshot.v5</c>: every
/// history report and every certification, absent when there are none.
/// </summary>
public sealed record AgreementSnapshotV1Wire(
    string Id,
    string Status,
    AgreementTermsWire Terms,
    AgreementRulesWire Rules,
    string Proposer,
    IReadOnlyList<string> Signatures,
    IReadOnlyList<AmendmentWire> Amendments,
    IReadOnlyList<MonthRangeWire> Pauses,
    YearMonth? TerminatedFrom,
    YearMonth? SuspendedFrom,
    long Version,
    IReadOnlyList<FigureReportWire> Reports,
    IReadOnlyList<AllocationLineWire> Lines,
    IReadOnlyList<MonthReviewWire>? Reviews,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FactorReportWire>? Factors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FigureReportWire>? History = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HistoryCertifiedWire>? Certifications = null)
{
    /// <summary>
    /// The state as <c>agreement-snapshot.v1</c> holds it, for the states that format could always hold:
    /// one with formula terms or factor reports is refused rather than written into a manifest whose
    /// readers never knew them (<c>agreement-snapshot.v4</c> holds them).
    /// </summary>
    public static AgreementSnapshotV1Wire OfFirstFormat(AgreementState state)
    {
        var formula = state.Rules.Versions.SelectMany(v => v.Terms).Concat(state.Amendments.SelectMany(a => a.Terms)).Any(t => t.Formula is not null);
        var derived = state.Terms.Enterprises.Any(e => e.Cap?.Derived is not null || !e.DerivedBaselines.IsEmpty);
        return formula || !state.FactorReports.IsEmpty || derived || !state.HistoryReports.IsEmpty
            ? throw new SerializationException($"agreement-snapshot.v1 cannot hold agreement {state.Id}: it has formula terms, factor reports, history or derived amounts.")
            : Of(state) with { Factors = null };
    }

    public static AgreementSnapshotV1Wire Of(AgreementState state) => new(
        state.Id.Value,
        WireNames.Status.Name(state.Status),
        AgreementTermsWire.Of(state.Terms),
        AgreementRulesWire.Of(state.Rules),
        state.Proposer.Value,
        [.. state.Signatures.Select(s => s.Value)],
        [.. state.Amendments.Select(AmendmentWire.Of)],
        [.. state.Pauses.Select(MonthRangeWire.Of)],
        state.TerminatedFrom,
        state.SuspendedFrom,
        state.Version,
        [.. state.Reports.Values.OrderBy(r => r.ReportId, StringComparer.Ordinal).Select(FigureReportWire.Of)],
        [.. state.Books.OrderBy(b => b.Key).SelectMany(b => b.Value.Lines).Select(AllocationLineWire.Of)],
        [.. state.Reviews.OrderBy(r => r.Key.Month).ThenBy(r => r.Key.Family).Select(r => MonthReviewWire.Of(new MonthReview(r.Key.Month, r.Key.Family, r.Value)))],
        [.. state.FactorReports.Values.OrderBy(r => r.ReportId, StringComparer.Ordinal).Select(FactorReportWire.Of)],
        state.HistoryReports.IsEmpty ? null : [.. state.HistoryReports.Values.OrderBy(r => r.ReportId, StringComparer.Ordinal).Select(FigureReportWire.Of)],
        state.Certified.IsEmpty ? null : [.. state.Certified.Values.Distinct().OrderBy(c => c.At).ThenBy(c => c.Enterprise).ThenBy(c => c.By.ToString(), StringComparer.Ordinal).Select(HistoryCertifiedWire.Of)]);

    public AgreementState ToState(ReferenceData reference)
    {
        var reports = Reports.Select(r => r.ToDomain(reference)).ToArray();
        var lines = Lines.Select(l => l.ToDomain(reference)).ToArray();
        var index = ReportIndex.From(reports);
        var reportsOf = reports.ToLookup(r => r.Enterprise);
        var linesOf = lines.ToLookup(l => l.Enterprise);
        var factors = (Factors ?? []).Select(f => f.ToDomain()).ToArray();
        var history = (History ?? []).Select(h => h.ToDomain(reference)).ToArray();
        var rules = Rules.ToDomain(reference);
        foreach (var current in factors.GroupBy(f => (f.Enterprise, f.Year)).Select(g => g.MaxBy(f => f.Revision)!))
        {
            rules = rules.WithFactors(current);
        }

        var books = reportsOf.Select(g => g.Key)
            .Union(linesOf.Select(g => g.Key))
            .ToImmutableDictionary(e => e, e => EnterpriseBook.Of(index, reportsOf[e], linesOf[e]));

        return new AgreementState(
            Domain.Agreements.AgreementId.Parse(Id),
            WireNames.Status.Parse(Status),
            Terms.ToDomain(reference),
            rules,
            DistrictCode.Parse(Proposer),
            [.. Signatures.Select(DistrictCode.Parse)],
            [.. Amendments.Select(a => a.ToDomain(reference))],
            [.. Pauses.Select(p => p.ToDomain())],
            TerminatedFrom,
            Version,
            books,
            index)
        {
            SuspendedFrom = SuspendedFrom,
            Reviews = (Reviews ?? []).Select(r => r.ToDomain()).ToImmutableDictionary(r => (r.Month, r.Family), r => r.Status),
            FactorReports = factors.ToImmutableDictionary(f => f.ReportId, StringComparer.Ordinal),
            HistoryReports = history.ToImmutableDictionary(h => h.ReportId, StringComparer.Ordinal),
            CurrentHistory = history.GroupBy(h => (h.Enterprise, h.Indicator, h.Month)).ToImmutableDictionary(g => g.Key, g => g.MaxBy(h => h.Revision)!),
            Certified = (Certifications ?? [])
                .Select(c => c.ToDomain(reference))
                .SelectMany(c => c.History.Select(h => KeyValuePair.Create((c.Enterprise, h.Indicator), c)))
                .ToImmutableDictionary(),
        };
    }
}
