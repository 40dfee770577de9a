using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// An agreement's header as the read side keeps it (<c>agreements</c>): its lifecycle in columns, its
/// terms as <see cref="TermsJson"/> writes them, and its signatures, amendments and pauses in the read
/// side's own JSON (<see cref="AgreementHeaderJson"/>) — a row of its own, not the journal snapshot's
/// form, so neither snapshots nor domain records can change it unnoticed. The figures and reviews are
/// in tables of their own: a header read back has no books, reports or reviews.
/// </summary>
internal static class AgreementHeaderRow
{
    /// <summary>The columns in the order of <see cref="Values"/>; <c>state</c> is the top-level state, <c>substate</c> Active's substate.</summary>
    public static IReadOnlyList<(string Name, DbType Type)> Columns { get; } =
    [
        ("id", DbType.String), ("title", DbType.String), ("state", DbType.String), ("substate", DbType.String),
        ("version", DbType.Int64), ("proposer", DbType.String), ("effective_from", DbType.String), ("effective_to", DbType.String),
        ("suspended_from", DbType.String), ("terminated_from", DbType.String), ("updated_at", DbType.String),
        ("terms", DbType.String), ("signatures", DbType.String), ("amendments", DbType.String), ("pauses", DbType.String),
    ];

    /// <summary>The column list, for <c>SELECT</c> and <c>INSERT</c>.</summary>
    public static string ColumnList { get; } = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The header's row; <paramref name="updatedAt"/> is the instant of the last event projected into it.</summary>
    public static object?[] Values(AgreementState header, Instant updatedAt) =>
    [
        header.Id.Value, header.Terms.Title, header.TopLevelStatus.ToString(), header.IsActive ? header.Status.ToString() : null,
        header.Version, header.Proposer.Value, Months.Format(header.Terms.Effective.From), Months.Format(header.Terms.Effective.To),
        Month(header.SuspendedFrom), Month(header.TerminatedFrom), InstantPattern.ExtendedIso.Format(updatedAt),
        TermsJson.Write(header.Terms), AgreementHeaderJson.WriteSignatures(header.Signatures),
        AgreementHeaderJson.WriteAmendments(header.Amendments), AgreementHeaderJson.WritePauses(header.Pauses),
    ];

    /// <summary>
    /// The header of the row <paramref name="reader"/> is on, read by <see cref="ColumnList"/>. Its rules
    /// are rebuilt as the agreement built them (<see cref="AgreementState.Apply"/>): the terms, then
    /// each approved amendment's sharing terms from its month on, in the order they were approved —
    /// number order, since an agreement has one amendment pending at a time.
    /// </summary>
    public static AgreementState Read(DbDataReader reader, ReferenceData reference)
    {
        string Text(string column) => reader.GetString(reader.GetOrdinal(column));
        YearMonth? OptionalMonth(string column) =>
            reader.IsDBNull(reader.GetOrdinal(column)) ? null : Months.Parse(Text(column));

        var terms = TermsJson.ReadTerms(Text("terms"), reference);
        var amendments = AgreementHeaderJson.ReadAmendments(Text("amendments"), reference);
        var rules = amendments
            .Where(a => a.Status == AmendmentStatus.Approved)
            .OrderBy(a => a.Number)
            .Aggregate(AgreementRules.From(terms), (built, amendment) => built.Amend(amendment.From, amendment.Terms));
        var status = reader.IsDBNull(reader.GetOrdinal("substate")) ? Text("state") : Text("substate");
        return new AgreementState(
            AgreementId.Parse(Text("id")),
            Enum.Parse<AgreementStatus>(status),
            terms,
            rules,
            DistrictCode.Parse(Text("proposer")),
            AgreementHeaderJson.ReadSignatures(Text("signatures")),
            amendments,
            AgreementHeaderJson.ReadPauses(Text("pauses")),
            OptionalMonth("terminated_from"),
            reader.GetInt64(reader.GetOrdinal("version")),
            ImmutableDictionary<CreditCode, EnterpriseBook>.Empty,
            ReportIndex.Empty)
        {
            SuspendedFrom = OptionalMonth("suspended_from"),
        };
    }

    private static string? Month(YearMonth? month) => month is { } known ? Months.Format(known) : null;
}
