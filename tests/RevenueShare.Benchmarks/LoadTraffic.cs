using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using RevenueShare.Domain.Documents;
using RevenueShare.Server;

namespace RevenueShare.Benchmarks;

/// <summary>
/// The offices of the load phase: four writers at full speed and four readers for the duration. The
/// writers send the agreements' later years (2026–2029, new figures), then restatements of every year,
/// a batch of 1,000 at a time, each batch sent again after its Retry-After when the ledger answers 429.
/// The readers ask allocations and reconciliations in turn. It runs in a process of its own
/// (<c>--load-client</c>), so the working set the load phase reads is the server's and not also its
/// clients': each answer is written to standard output as one line, which the load phase reads.
/// </summary>
internal sealed class LoadTraffic(IReadOnlyList<GeneratedAgreement> agreements, BenchClient client, IReadOnlyDictionary<string, string> tokens, string district)
{
    public const int Writers = 4;
    public const int Readers = 4;

    /// <summary>The line that says the client is ready and its traffic starts.</summary>
    public const string Ready = "ready";

    /// <summary>
    /// <c>--load-client --url U --scale F --seconds N --district D</c>, with the offices' tokens as one
    /// JSON object on standard input: the load's traffic against the server at <c>U</c>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"--load-client needs {name}.", nameof(args));
        var tokens = JsonSerializer.Deserialize<Dictionary<string, string>>(await Console.In.ReadLineAsync() ?? "{}")!;
        var reference = ContractsLocator.LoadReference(ContractsLocator.Find());
        var agreements = new Generator(reference, double.Parse(Option("--scale"), CultureInfo.InvariantCulture)).Agreements();
        using var client = new BenchClient(new Uri(Option("--url")));
        var traffic = new LoadTraffic(agreements, client, tokens, Option("--district"));
        Console.WriteLine(Ready);
        await traffic.RunAsync(TimeSpan.FromSeconds(int.Parse(Option("--seconds"), CultureInfo.InvariantCulture)), Console.Out);
        return 0;
    }

    /// <summary>
    /// Writes <c>write MS BOOKED</c> per batch, <c>read MS STATUS</c> per read, and at the end
    /// <c>refused N</c>, the batches answered 429 and sent again.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, TextWriter output)
    {
        var batches = Traffic().GetEnumerator();
        using var stop = new CancellationTokenSource(duration);

        void Write(string line)
        {
            lock (output)
            {
                output.WriteLine(line);
            }
        }

        async Task WriteAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                (string Family, FigureReportDocument[] Reports) batch;
                lock (batches)
                {
                    if (!batches.MoveNext())
                    {
                        return;
                    }

                    batch = batches.Current;
                }

                var one = Stopwatch.StartNew();
                var answer = await client.SendAsync(HttpMethod.Post, "/api/figures", tokens[batch.Family], BenchClient.Batch(batch.Reports), HttpStatusCode.OK);
                Write(FormattableString.Invariant($"write {Stats.Ms(one):F1} {BenchClient.Booked(answer)}"));
            }
        }

        async Task ReadAsync(int reader)
        {
            for (var n = reader; !stop.IsCancellationRequested; n += Readers)
            {
                var month = $"2025-{1 + (n % 12):00}";
                var path = n % 2 == 0
                    ? $"/api/allocations?district={district}&from={month}&to={month}"
                    : $"/api/reconciliation?month={month}";
                var one = Stopwatch.StartNew();
                var status = await client.TrySendAsync(path, tokens[n % 2 == 0 ? "finance" : "statistics"]);
                Write(FormattableString.Invariant($"read {Stats.Ms(one):F1} {(int)status}"));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => WriteAsync()).Concat(Enumerable.Range(0, Readers).Select(ReadAsync)));
        Write(FormattableString.Invariant($"refused {client.Refused}"));
    }

    /// <summary>New figures of 2026–2029, then restatements of 2025–2029 revision by revision (3, 4, …), tax and statistics batches in turn.</summary>
    private IEnumerable<(string Family, FigureReportDocument[] Reports)> Traffic()
    {
        // Revision 2 of 2025 is the restatements phase's: the restatements here start at 3.
        for (var revision = 1; ; revision = revision == 1 ? 3 : revision + 1)
        {
            for (var year = revision == 1 ? 2026 : 2025; year <= 2029; year++)
            {
                using var tax = Year("tax", year, revision).Chunk(BenchRun.BatchSize).GetEnumerator();
                using var statistics = Year("statistics", year, revision).Chunk(BenchRun.BatchSize).GetEnumerator();
                bool moreTax = true, moreStatistics = true;
                while (moreTax || moreStatistics)
                {
                    if (moreTax && (moreTax = tax.MoveNext()))
                    {
                        yield return ("tax", tax.Current);
                    }

                    if (moreStatistics && (moreStatistics = statistics.MoveNext()))
                    {
                        yield return ("statistics", statistics.Current);
                    }
                }
            }
        }
    }

    private IEnumerable<FigureReportDocument> Year(string family, int year, int revision) =>
        revision == 1 && year != 2025
            ? Generator.Year(agreements, family, year)
            : Generator.Year(agreements, family, year).Select(r => r with
            {
                ReportId = r.ReportId![..^2] + "r" + revision.ToString(CultureInfo.InvariantCulture),
                Revision = revision,
            });
}
