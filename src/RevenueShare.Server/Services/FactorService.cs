using System.Globalization;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;

namespace RevenueShare.Server.Services;

/// <summary>
/// Apportionment factors (docs/allocation.md, Formula shares), one path for the API and the pages: the
/// tax office reports an enterprise's factors of a year; reading them follows need to know: they come
/// from consolidated tax returns, so the statistics bureau never sees them.
/// </summary>
public sealed class FactorService(AgreementService agreements, LedgerGateway ledger, ReferenceData reference)
{
    /// <summary>The columns of a factors file, by their English and Chinese headers (docs/interfaces.md, CSV factors).</summary>
    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reportId"] = "reportId", ["报告编号"] = "reportId",
        ["enterprise"] = "enterprise", ["统一社会信用代码"] = "enterprise",
        ["year"] = "year", ["年度"] = "year",
        ["revision"] = "revision", ["修订号"] = "revision",
        ["district"] = "district", ["区划代码"] = "district",
        ["operatingRevenue"] = "operatingRevenue", ["营业收入"] = "operatingRevenue",
        ["payroll"] = "payroll", ["职工薪酬"] = "payroll",
        ["assets"] = "assets", ["资产总额"] = "assets",
    };

    /// <summary>
    /// A factors file, CSV or the first sheet of a workbook: a header row, then one line per party of a
    /// report; the lines of one reportId are one report, booked as <see cref="ReportAsync"/> books it.
    /// A file that cannot be read is refused whole; each report of a readable one stands alone.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<FactorImportLine>>> ImportAsync(
        Principal office, string id, byte[] file, Func<byte[], IReadOnlyList<(int Line, IReadOnlyList<string> Fields)>> read, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is null)
        {
            return AgreementService.NotFound(id);
        }

        if (office != Principal.Tax)
        {
            return Refusal.Forbidden("Only tax reports apportionment factors: they come from the consolidated tax returns.");
        }

        var opened = ImportedTable.Read(
            file,
            read,
            Columns,
            "reportId,enterprise,year,revision,district,operatingRevenue,payroll,assets (or 报告编号,统一社会信用代码,年度,修订号,区划代码,营业收入,职工薪酬,资产总额)",
            "The file has a header row and no factors.");
        if (opened.IsRefused(out var refused))
        {
            return refused;
        }

        var table = opened.Value;
        var results = new List<FactorImportLine>();
        foreach (var report in table.Lines.GroupBy(l => Field(table, l.Fields, "reportId") ?? string.Empty, StringComparer.Ordinal))
        {
            results.Add(await ImportReportAsync(office, id, table, [.. report], cancellationToken));
        }

        return results;
    }

    /// <summary>The lines of one reportId as one report: they must agree on its enterprise, year and revision, and name each district once.</summary>
    private async Task<FactorImportLine> ImportReportAsync(
        Principal office, string id, ImportedTable table, (int Line, IReadOnlyList<string> Fields)[] lines, CancellationToken cancellationToken)
    {
        var first = lines[0];
        var numbers = lines.Select(l => l.Line).ToArray();
        var reportId = Field(table, first.Fields, "reportId");
        FactorImportLine Rejected(string message) => new(numbers, reportId, ReportStatus.Rejected, Refusal.BadField("$", message));

        foreach (var column in new[] { "enterprise", "year", "revision" })
        {
            if (lines.FirstOrDefault(l => Field(table, l.Fields, column) != Field(table, first.Fields, column)) is { Line: > 0 } other)
            {
                return Rejected($"Line {other.Line} gives another {column} than line {first.Line} for report '{reportId}': the lines of one report share it.");
            }
        }

        var factors = new Dictionary<string, FactorsDocument?>(StringComparer.Ordinal);
        foreach (var (line, fields) in lines)
        {
            var district = Field(table, fields, "district") ?? string.Empty;
            if (!factors.TryAdd(district, new FactorsDocument(Field(table, fields, "operatingRevenue"), Field(table, fields, "payroll"), Field(table, fields, "assets"))))
            {
                return Rejected($"Line {line} gives the factors of district '{district}' a second time for report '{reportId}'.");
            }
        }

        int? Number(string column) =>
            int.TryParse(Field(table, first.Fields, column), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var document = new FactorReportDocument(reportId, Number("year"), Field(table, first.Fields, "enterprise"), Number("revision"), factors);
        var outcome = await ReportAsync(office, id, document, cancellationToken);
        return outcome.IsRefused(out var refusal)
            ? new FactorImportLine(numbers, reportId, ReportStatus.Rejected, refusal)
            : new FactorImportLine(numbers, reportId, outcome.Value.Status, null);
    }

    /// <summary>A field as a report's member: a blank one is left out, as a JSON client leaves it out.</summary>
    private static string? Field(ImportedTable table, IReadOnlyList<string> fields, string column) =>
        table.Text(fields, column) is { Length: > 0 } text ? text : null;

    /// <summary>Books the report (or recognises it as a duplicate) and answers what it sets.</summary>
    public async Task<Outcome<FactorAnswer>> ReportAsync(Principal office, string id, FactorReportDocument? document, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        if (office != Principal.Tax)
        {
            return Refusal.Forbidden("Only tax reports apportionment factors: they come from the consolidated tax returns.");
        }

        if (!FactorReportReader.TryRead(document, reference, out var report, out var problems))
        {
            return Refusal.Invalid(problems);
        }

        var reply = await ledger.SendAsync(new ReportFactors(state.Id, office, report), cancellationToken);
        if (reply.Rejection is not null)
        {
            return Refusal.Of(reply.Rejection);
        }

        var after = reply.State!;
        return new FactorAnswer(after, after.FactorReports[report.ReportId], reply.Outcomes.Single().Status);
    }

    /// <summary>Every factor report of the agreement (of <paramref name="year"/> only, when given), by enterprise, year and revision.</summary>
    public async Task<Outcome<AgreementFactors>> GetAsync(Principal office, string id, string? year, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        if (office == Principal.Statistics)
        {
            return Refusal.Forbidden("Apportionment factors come from consolidated tax returns: the statistics bureau does not see them.");
        }

        int? only = null;
        if (year is not null)
        {
            if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || year.Length != 4)
            {
                return Refusal.BadField("year", $"'{year}' is not a year; expected four digits such as 2024.");
            }

            only = parsed;
        }

        var reports = state.FactorReports.Values
            .Where(r => only is null || r.Year == only)
            .OrderBy(r => r.Enterprise)
            .ThenBy(r => r.Year)
            .ThenBy(r => r.Revision)
            .ToArray();
        return new AgreementFactors(state, reports);
    }
}
