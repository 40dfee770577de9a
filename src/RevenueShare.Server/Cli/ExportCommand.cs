using System.CommandLine;
using System.Text;

namespace RevenueShare.Server.Cli;

/// <summary>
/// <c>revshare export allocations|statement|reconciliation|settlement --server URL --token T [filters]
/// [--out FILE]</c>: asks the running ledger for CSV (<c>format=csv</c>) and writes it as served,
/// UTF-8 with BOM, to the file, or to stdout without the BOM.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("export", "Export allocations, a district statement, a reconciliation or a settlement as CSV.");
        command.Subcommands.Add(Report(
            "allocations", "Allocation and adjustment entries.", stdout, stderr,
            ["agreement", "district", "indicator", "from", "to"], _ => "api/allocations"));
        command.Subcommands.Add(Report(
            "statement", "A district's statement for a range of months (--district, --from, --to).", stdout, stderr,
            ["from", "to"], values => $"api/districts/{Uri.EscapeDataString(Required(values, "district"))}/statement", "district"));
        command.Subcommands.Add(Report(
            "reconciliation", "The reconciliation of a month (--month).", stdout, stderr, ["month"], _ => "api/reconciliation"));
        command.Subcommands.Add(Report(
            "settlement", "The year-end settlement (--year).", stdout, stderr, ["year"], _ => "api/settlement"));
        return command;
    }

    private static Command Report(
        string name, string description, TextWriter stdout, TextWriter stderr, string[] queryOptions, Func<IReadOnlyDictionary<string, string?>, string> path, params string[] pathOptions)
    {
        var server = new ServerArguments();
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV here (UTF-8 with BOM); stdout when absent.", HelpName = "FILE" };
        var options = queryOptions.Concat(pathOptions).ToDictionary(o => o, o => new Option<string?>("--" + o) { HelpName = o.ToUpperInvariant() }, StringComparer.Ordinal);
        var command = new Command(name, description);
        foreach (var option in options.Values)
        {
            command.Options.Add(option);
        }

        command.Options.Add(output);
        server.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var values = options.ToDictionary(o => o.Key, o => result.GetValue(o.Value), StringComparer.Ordinal);
            var query = string.Join("&", queryOptions.Where(o => values[o] is not null).Select(o => $"{o}={Uri.EscapeDataString(values[o]!)}").Append("format=csv"));
            using var client = server.Client(result);
            using var response = await client.GetAsync($"{path(values)}?{query}", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await stderr.WriteLineAsync("revshare: " + await ServerArguments.DescribeAsync(response, cancellationToken));
                return ExitCodes.Failed;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, bytes, cancellationToken);
                await stderr.WriteLineAsync($"Wrote {file.FullName}.");
            }
            else
            {
                var preamble = Encoding.UTF8.Preamble.Length;
                var skip = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? preamble : 0;
                await stdout.WriteAsync(Encoding.UTF8.GetString(bytes, skip, bytes.Length - skip));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Required(IReadOnlyDictionary<string, string?> values, string name) =>
        values[name] ?? throw new UsageException($"--{name} is required.");
}
