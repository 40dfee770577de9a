using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>POST /api/figures/import</c>: a figure batch as a CSV body (docs/interfaces.md, CSV figures). A
/// header row names the columns, by their JSON names or their Chinese headers; unknown columns are
/// ignored. Each line is validated and booked as in <see cref="FiguresApi"/>, and its outcome carries
/// its line number (the header is line 1). Re-importing a file books nothing twice: its reportIds come
/// back as duplicates.
/// </summary>
public static class FigureImportApi
{
    /// <summary>Put a limit on everything: a body is at most this many bytes; larger files are sent in chunks (the CLI does).</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reportId"] = "reportId", ["报告编号"] = "reportId",
        ["enterprise"] = "enterprise", ["统一社会信用代码"] = "enterprise",
        ["indicator"] = "indicator", ["指标"] = "indicator",
        ["month"] = "month", ["月份"] = "month",
        ["amount"] = "amount", ["金额"] = "amount",
        ["revision"] = "revision", ["修订号"] = "revision",
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures/import", PostAsync)
            .Accepts<string>(CsvAnswer.MediaType)
            .WithTags("Figures")
            .WithName("ImportFigures");
    }

    private static async Task<Results<Ok<FigureImportResponse>, ProblemHttpResult>> PostAsync(
        HttpContext http, LedgerGateway ledger, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (office.Kind is not (PrincipalKind.Tax or PrincipalKind.Statistics))
        {
            return Problems.Forbidden("Only the tax office and the statistics bureau report figures.");
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                return Problems.BadField("$", $"A CSV body holds at most {MaxBytes} bytes; send the file in chunks.");
            }

            body.Write(buffer, 0, read);
        }

        var records = CsvTable.Read(CsvDecoding.Decode(body.ToArray()));
        if (records.Count == 0 || records[0].Line != 1)
        {
            return Problems.BadField("$", "The file needs a header row on line 1: reportId,enterprise,indicator,month,amount,revision (or 报告编号,统一社会信用代码,指标,月份,金额,修订号).");
        }

        var header = records[0].Fields.Select(h => Columns.GetValueOrDefault(h.Trim().TrimStart('\uFEFF'))).ToArray();
        var absent = Columns.Values.Distinct().Where(c => !header.Contains(c)).ToArray();
        if (absent.Length > 0)
        {
            return Problems.BadField("$", $"The header row lacks the column(s) {string.Join(", ", absent)}.");
        }

        var lines = records.Skip(1).ToArray();
        if (lines.Length == 0)
        {
            return Problems.BadField("$", "The file has a header row and no report.");
        }

        if (lines.Length > FiguresApi.MaxReportsPerBatch)
        {
            return Problems.BadField("$", $"A file holds at most {FiguresApi.MaxReportsPerBatch} reports; got {lines.Length}. Send it in chunks.");
        }

        var documents = new FigureReportDocument?[lines.Length];
        var badRevision = new Dictionary<int, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            string? Field(string column)
            {
                var index = Array.IndexOf(header, column);
                return index < lines[i].Fields.Count ? lines[i].Fields[index].Trim() : null;
            }

            var revisionText = Field("revision");
            int? revision = null;
            if (int.TryParse(revisionText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r))
            {
                revision = r;
            }
            else if (!string.IsNullOrEmpty(revisionText))
            {
                badRevision[i] = $"'{revisionText}' is not a revision number (1, 2, ...).";
            }

            documents[i] = new FigureReportDocument(Field("reportId"), Field("enterprise"), Field("indicator"), Field("month"), Field("amount"), revision);
        }

        var results = await FiguresApi.BookAsync(office, documents, ledger, reference, cancellationToken);
        var lineResults = new FigureImportResult[results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            if (badRevision.TryGetValue(i, out var message) && result.Status == "rejected")
            {
                result = result with
                {
                    Error = Problems.Create(StatusCodes.Status400BadRequest, "invalid-request", "The report is invalid.", message, [new FieldError($"$.reports[{i}].revision", message)]),
                };
            }

            lineResults[i] = new FigureImportResult(lines[i].Line, result.ReportId, result.Status, result.Agreement, result.Error);
        }

        return TypedResults.Ok(new FigureImportResponse(lineResults));
    }
}
