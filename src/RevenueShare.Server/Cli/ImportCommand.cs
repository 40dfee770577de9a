using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RevenueShare.Server.Csv;
using Spectre.Console;

namespace RevenueShare.Server.Cli;

/// <summary>
/// <c>revshare import FILE --server URL --token T</c>: posts a CSV figures file to
/// <c>/api/figures/import</c> in chunks (a server limit is put on every body), with a progress bar on a
/// terminal and plain progress lines when output is redirected (Spectre.Console draws nothing then).
/// Each rejected line is printed with its line number in the file; the exit code is non-zero if any
/// line was rejected. A re-run books nothing twice: its lines come back as duplicates.
/// </summary>
internal static class ImportCommand
{
    public const int DefaultChunk = 1_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file (UTF-8 with or without BOM, or GB18030) or Excel workbook (.xlsx): a header row, one report per line." };
        var chunk = new Option<int>("--chunk") { Description = "Lines per request.", DefaultValueFactory = _ => DefaultChunk };
        var server = new ServerArguments();
        var command = new Command("import", "Import figures from a CSV file into a running ledger.");
        command.Arguments.Add(file);
        command.Options.Add(chunk);
        server.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetRequiredValue(file);
            var size = result.GetValue(chunk);
            if (size is < 1 or > Services.FigureService.MaxReportsPerBatch)
            {
                throw new UsageException($"--chunk must be between 1 and {Services.FigureService.MaxReportsPerBatch}.");
            }

            if (!path.Exists)
            {
                throw new UsageException($"{path.FullName} does not exist.");
            }

            var bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> records;
            try
            {
                // A workbook's rows travel as CSV chunks like any file's: the server reads one format per request.
                records = path.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? Workbook.Rows(bytes) : CsvTable.Read(CsvDecoding.Decode(bytes));
            }
            catch (FormatException e)
            {
                await stderr.WriteLineAsync($"revshare: {e.Message}");
                return ExitCodes.Failed;
            }

            if (records.Count < 2)
            {
                await stderr.WriteLineAsync("revshare: the file needs a header row and at least one report.");
                return ExitCodes.Failed;
            }

            using var client = server.Client(result);
            var header = records[0].Fields;
            var lines = records.Skip(1).ToArray();
            var chunks = lines.Chunk(size).ToArray();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["booked"] = 0, ["duplicate"] = 0, ["rejected"] = 0 };
            var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

            async Task<string?> SendAsync(int index)
            {
                var part = chunks[index];
                // Verbatim: the server reads these fields as data, and the spreadsheet guard of exports would change them.
                var content = new ByteArrayContent(CsvTable.WriteVerbatim(header, part.Select(r => (IReadOnlyList<string?>)[.. r.Fields])));
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
                using var response = await client.PostAsync("api/figures/import", content, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return $"lines {part[0].Line}–{part[^1].Line}: {await ServerArguments.DescribeAsync(response, cancellationToken)}";
                }

                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var results = body.RootElement.GetProperty("results").EnumerateArray().ToArray();
                for (var i = 0; i < results.Length; i++)
                {
                    // Results come in the order of the chunk's records; the chunk's own line numbers are not the file's.
                    var status = results[i].GetProperty("status").GetString() ?? "rejected";
                    counts[status] = counts.GetValueOrDefault(status) + 1;
                    if (status == "rejected")
                    {
                        var error = results[i].GetProperty("error");
                        var detail = error.TryGetProperty("detail", out var d) ? d.GetString() : error.ToString();
                        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {part[i].Line}: rejected: {detail}"));
                    }
                }

                return null;
            }

            string? failure = null;
            if (interactive)
            {
                await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask($"importing {path.Name}", maxValue: lines.Length);
                    for (var i = 0; i < chunks.Length && failure is null; i++)
                    {
                        failure = await SendAsync(i);
                        task.Increment(chunks[i].Length);
                    }
                });
            }
            else
            {
                var done = 0;
                for (var i = 0; i < chunks.Length && failure is null; i++)
                {
                    failure = await SendAsync(i);
                    done += chunks[i].Length;
                    await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"imported {done}/{lines.Length} lines"));
                }
            }

            if (failure is not null)
            {
                await stderr.WriteLineAsync("revshare: the server refused " + failure);
                return ExitCodes.Failed;
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"booked {counts["booked"]}, duplicate {counts["duplicate"]}, rejected {counts["rejected"]}"));
            return counts["rejected"] > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
