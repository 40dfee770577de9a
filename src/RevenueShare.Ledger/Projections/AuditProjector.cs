using System.Data;
using System.Text.Json;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The audit trail (<c>audit_events</c>): every event with when, by whom and why, and a
/// <c>detail</c> that is presentation only — the events route shows it as it is, and nothing reads
/// anything out of it: what other reads need of an event is in a table of its own.
/// </summary>
internal sealed class AuditProjector : IReadProjector
{
    private readonly RowStatement insert;

    public AuditProjector(ProjectionTransaction transaction)
    {
        insert = transaction.Rows(
            """
            INSERT INTO audit_events (agreement, seq_nr, at, by_office, type, reason, detail)
            VALUES (@agreement, @seq, @at, @by, @type, @reason, @detail) ON CONFLICT DO NOTHING
            """,
            ("agreement", DbType.String),
            ("seq", DbType.Int64),
            ("at", DbType.String),
            ("by", DbType.String),
            ("type", DbType.String),
            ("reason", DbType.String),
            ("detail", DbType.String));
    }

    public Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken)
    {
        var @event = projected.Event;

        // A booking's detail is a summary: its figures and entries are in their own tables. The API
        // answers the detail as stored, so it is written escaped as the API escapes (WireJson.Audit).
        var detail = @event switch
        {
            FiguresBooked booked => JsonSerializer.Serialize(new { reports = booked.Reports.Length, entries = booked.Entries.Length, reportIds = booked.Reports.Select(r => r.ReportId) }, WireJson.Audit),
            AmendmentApproved approved => JsonSerializer.Serialize(new { approved.Number, entries = approved.Entries.Length }, WireJson.Audit),
            FactorsReported reported => JsonSerializer.Serialize(new FactorsReportedDetail(FactorReportWire.Of(reported.Report), reported.Entries.Length), WireJson.Audit),
            HistoryCertified certified => JsonSerializer.Serialize(HistoryCertifiedDetail.Of(certified, projected.Header), WireJson.Audit),

            // Every other event is shown with the members the journal stores: its wire record's JSON.
            _ => LedgerSerializer.AuditJson(@event),
        };
        return insert.AddAsync(
            [@event.AgreementId.Value, projected.SequenceNr, InstantPattern.ExtendedIso.Format(@event.At), @event.By.ToString(), TypeOf(@event), (@event as IReasonedEvent)?.Reason, detail],
            null,
            cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => insert.FlushAsync(cancellationToken);

    /// <summary>The event's name in the audit trail: its manifest without the version.</summary>
    private static string TypeOf(IAgreementEvent @event) =>
        LedgerSerializer.ManifestFor(@event.GetType()).Split('.')[0];
}
