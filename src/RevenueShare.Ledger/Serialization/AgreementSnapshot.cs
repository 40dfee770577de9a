using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// The snapshot form of <see cref="AgreementState"/>: flat lists instead of the tuple-keyed
/// dictionaries. Every report ever booked is kept (duplicates are recognised by reportId forever);
/// each enterprise's current figures are the highest revision per indicator and month.
/// <see cref="Reviews"/> came later: a snapshot written before it has none, and the agreement had none.
/// </summary>
public sealed record AgreementSnapshot(
    string Id,
    AgreementStatus Status,
    AgreementTerms Terms,
    AgreementRules Rules,
    string Proposer,
    ImmutableArray<string> Signatures,
    ImmutableArray<Amendment> Amendments,
    ImmutableArray<MonthRange> Pauses,
    YearMonth? TerminatedFrom,
    YearMonth? SuspendedFrom,
    long Version,
    ImmutableArray<FigureReport> Reports,
    ImmutableArray<AllocationLine> Lines,
    ImmutableArray<MonthReview> Reviews = default)
{
    public static AgreementSnapshot Of(AgreementState state) => new(
        state.Id,
        state.Status,
        state.Terms,
        state.Rules,
        state.Proposer,
        state.Signatures,
        state.Amendments,
        state.Pauses,
        state.TerminatedFrom,
        state.SuspendedFrom,
        state.Version,
        [.. state.Reports.Values.OrderBy(r => r.ReportId, StringComparer.Ordinal)],
        [.. state.Books.OrderBy(b => b.Key).SelectMany(b => b.Value.Lines)],
        [.. state.Reviews.OrderBy(r => r.Key.Month).ThenBy(r => r.Key.Family).Select(r => new MonthReview(r.Key.Month, r.Key.Family, r.Value))]);

    public AgreementState ToState()
    {
        var reportsOf = Reports.ToLookup(r => r.Enterprise);
        var linesOf = Lines.ToLookup(l => l.Enterprise);
        var books = reportsOf.Select(g => g.Key)
            .Union(linesOf.Select(g => g.Key))
            .ToDictionary(e => e, e => EnterpriseBook.Of(reportsOf[e], linesOf[e]));

        return new AgreementState(
            Id,
            Status,
            Terms,
            Rules,
            Proposer,
            Signatures,
            Amendments,
            Pauses,
            TerminatedFrom,
            Version,
            books.ToImmutableDictionary(),
            ReportIndex.From(Reports))
        {
            SuspendedFrom = SuspendedFrom,
            Reviews = (Reviews.IsDefault ? [] : Reviews).ToImmutableDictionary(r => (r.Month, r.Family), r => r.Status),
        };
    }
}
