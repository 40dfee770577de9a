using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Observability;

namespace RevenueShare.Server.Services;

/// <summary>
/// Figure reports from the tax office and the statistics bureau (docs/corrections.md), one path for
/// the API, the CSV import, the pages' upload and the demo: each report stands alone — booked,
/// duplicate or rejected with its reason — so one bad report does not sink the others.
/// </summary>
public sealed class FigureService(LedgerGateway ledger, ReferenceData reference, ServerMetrics metrics)
{
    /// <summary>Put a limit on everything: larger batches are split by the sender.</summary>
    public const int MaxReportsPerBatch = 10_000;

    /// <summary>An imported file is at most this many bytes; larger files are sent in chunks (the command line does).</summary>
    public const int MaxImportBytes = 8 * 1024 * 1024;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reportId"] = "reportId", ["报告编号"] = "reportId",
        ["enterprise"] = "enterprise", ["统一社会信用代码"] = "enterprise",
        ["indicator"] = "indicator", ["指标"] = "indicator",
        ["month"] = "month", ["月份"] = "month",
        ["amount"] = "amount", ["金额"] = "amount",
        ["revision"] = "revision", ["修订号"] = "revision",
        ["history"] = "history", ["历史数据"] = "history",
        ["agreement"] = "agreement", ["协议编号"] = "agreement",
    };

    /// <summary>The columns only a file with history figures needs.</summary>
    private static readonly FrozenSet<string> HistoryColumns = FrozenSet.Create(StringComparer.Ordinal, "history", "agreement");

    public static Refusal? MayReport(Principal office) =>
        office.Kind is PrincipalKind.Tax or PrincipalKind.Statistics
            ? null
            : Refusal.Forbidden("Only the tax office and the statistics bureau report figures.");

    /// <summary>Validates and books a batch; the outcomes come in the batch's order, and a refusal's paths start at <c>$.reports[i]</c>.</summary>
    public async Task<Outcome<IReadOnlyList<ReportLineOutcome>>> ReportAsync(
        Principal office, IReadOnlyList<FigureReportDocument?>? documents, CancellationToken cancellationToken)
    {
        if (MayReport(office) is { } refusal)
        {
            return refusal;
        }

        if (documents is not { Count: > 0 })
        {
            return Refusal.BadField("$.reports", "A batch needs at least one report.");
        }

        if (documents.Count > MaxReportsPerBatch)
        {
            return Refusal.BadField("$.reports", $"A batch holds at most {MaxReportsPerBatch} reports; got {documents.Count}.");
        }

        return Outcomes.Of<IReadOnlyList<ReportLineOutcome>>(await BookAsync(office, documents, cancellationToken));
    }

    /// <summary>
    /// Imports a figures file (docs/interfaces.md, CSV figures): a header row names the columns, by their
    /// JSON names or their Chinese headers, unknown columns are ignored, and each line is booked as a
    /// report of a batch, its outcome carrying its line number.
    /// </summary>
    public Task<Outcome<IReadOnlyList<ImportedLine>>> ImportCsvAsync(Principal office, byte[] file, CancellationToken cancellationToken) =>
        ImportAsync(office, file, bytes => CsvTable.Read(CsvDecoding.Decode(bytes)), cancellationToken);

    /// <summary>
    /// Imports a figures workbook (.xlsx): its first sheet holds the same columns as the CSV file, a header
    /// row first; read by MiniExcel, each cell as the text Excel shows.
    /// </summary>
    public Task<Outcome<IReadOnlyList<ImportedLine>>> ImportXlsxAsync(Principal office, byte[] file, CancellationToken cancellationToken) =>
        ImportAsync(office, file, Workbook.Rows, cancellationToken);

    private async Task<Outcome<IReadOnlyList<ImportedLine>>> ImportAsync(
        Principal office, byte[] file, Func<byte[], IReadOnlyList<(int Line, IReadOnlyList<string> Fields)>> read, CancellationToken cancellationToken)
    {
        if (MayReport(office) is { } refusal)
        {
            return refusal;
        }

        metrics.ImportStarted();
        try
        {
            return await ImportReadableAsync(office, file, read, cancellationToken);
        }
        finally
        {
            metrics.ImportEnded();
        }
    }

    private async Task<Outcome<IReadOnlyList<ImportedLine>>> ImportReadableAsync(
        Principal office, byte[] file, Func<byte[], IReadOnlyList<(int Line, IReadOnlyList<string> Fields)>> read, CancellationToken cancellationToken)
    {
        var opened = ImportedTable.Read(
            file,
            read,
            Columns,
            "reportId,enterprise,indicator,month,amount,revision, and for history figures history,agreement (or 报告编号,统一社会信用代码,指标,月份,金额,修订号,历史数据,协议编号)",
            "The file has a header row and no report.",
            HistoryColumns);
        if (opened.IsRefused(out var refused))
        {
            return refused;
        }

        var table = opened.Value;
        var lines = table.Lines;
        if (lines.Count > MaxReportsPerBatch)
        {
            return Refusal.BadField("$", $"A file holds at most {MaxReportsPerBatch} reports; got {lines.Count}. Send it in chunks.");
        }

        var documents = new FigureReportDocument?[lines.Count];
        var badRevision = new Dictionary<int, string>();
        var badHistory = new Dictionary<int, string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var fields = lines[i].Fields;
            string? Field(string column) => table.Text(fields, column);

            var revisionText = Field("revision");
            int? revision = null;
            if (int.TryParse(revisionText, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
            {
                revision = r;
            }
            else if (!string.IsNullOrEmpty(revisionText))
            {
                badRevision[i] = $"'{revisionText}' is not a revision number (1, 2, ...).";
            }

            var historyText = Field("history");
            bool? history = historyText switch
            {
                null or "" => null,
                "true" or "是" => true,
                "false" or "否" => false,
                _ => null,
            };
            if (history is null && !string.IsNullOrEmpty(historyText))
            {
                badHistory[i] = $"'{historyText}' is not a history flag: true or 是 for a history figure, false, 否 or blank for a figure.";
            }

            // A line whose flag cannot be read is neither a figure nor history: it is not sent at all.
            var agreement = Field("agreement");
            documents[i] = badHistory.ContainsKey(i)
                ? null
                : new FigureReportDocument(Field("reportId"), Field("enterprise"), Field("indicator"), Field("month"), Field("amount"), revision, history, string.IsNullOrEmpty(agreement) ? null : agreement);
        }

        var outcomes = await BookAsync(office, documents, cancellationToken);
        var imported = new ImportedLine[outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            if (badRevision.TryGetValue(i, out var message) && outcome.Status == ReportStatus.Rejected)
            {
                outcome = outcome with { Refusal = Refusal.BadField($"$.reports[{i}].revision", message) };
            }

            if (badHistory.TryGetValue(i, out var flag))
            {
                outcome = new ReportLineOutcome(table.Text(lines[i].Fields, "reportId"), ReportStatus.Rejected, null, Refusal.BadField($"$.reports[{i}].history", flag));
            }

            imported[i] = new ImportedLine(lines[i].Line, outcome);
        }

        return Outcomes.Of<IReadOnlyList<ImportedLine>>(imported);
    }

    /// <summary>The refusal of a file over <see cref="MaxImportBytes"/>.</summary>
    public static Refusal TooLarge() => Refusal.BadField("$", $"A figures file holds at most {MaxImportBytes} bytes; send the file in chunks.");

    private async Task<ReportLineOutcome[]> BookAsync(Principal office, IReadOnlyList<FigureReportDocument?> documents, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcomes = await BookEachAsync(office, documents, cancellationToken);
        metrics.BatchAnswered(office, started, outcomes.Select(o => (o.Status, o.Refusal?.Code)));
        return outcomes;
    }

    private async Task<ReportLineOutcome[]> BookEachAsync(Principal office, IReadOnlyList<FigureReportDocument?> documents, CancellationToken cancellationToken)
    {
        var outcomes = new ReportLineOutcome[documents.Count];
        var valid = new List<(int Index, FigureReport Report, AgreementId? HistoryOf)>();
        for (var i = 0; i < documents.Count; i++)
        {
            var path = $"$.reports[{i}]";
            var historyProblems = new List<ValidationProblem>();
            var historyOf = documents[i] is { } document ? FigureReportReader.HistoryOf(document, path, historyProblems) : null;
            if (!FigureReportReader.TryRead(documents[i], path, reference, out var report, out var problems) || historyProblems.Count > 0)
            {
                outcomes[i] = new ReportLineOutcome(documents[i]?.ReportId, ReportStatus.Rejected, null, Refusal.Invalid([.. problems, .. historyProblems]));
                continue;
            }

            var family = report.Indicator.Family;
            if (Principal.ReporterOf(family) != office)
            {
                var rejection = new Rejection(RejectionCode.Forbidden, $"{report.Indicator} is reported by {Principal.ReporterOf(family)}, not {office}.", path + ".indicator");
                outcomes[i] = new ReportLineOutcome(report.ReportId, ReportStatus.Rejected, null, Refusal.Of(rejection));
                continue;
            }

            valid.Add((i, report, historyOf));
        }

        if (valid.Count > 0)
        {
            var booked = await ledger.BookAsync(office, [.. valid.Select(v => v.Report)], cancellationToken, valid.Any(v => v.HistoryOf is not null) ? [.. valid.Select(v => v.HistoryOf)] : null);
            for (var k = 0; k < valid.Count; k++)
            {
                var outcome = booked[k];
                var rejection = outcome.Rejection is { Path: { } field } r && !field.StartsWith('$') ? r with { Path = $"$.reports[{valid[k].Index}].{field}" } : outcome.Rejection;
                outcomes[valid[k].Index] = new ReportLineOutcome(outcome.ReportId, outcome.Status, outcome.Agreement, rejection is null ? null : Refusal.Of(rejection));
            }
        }

        return outcomes;
    }
}
