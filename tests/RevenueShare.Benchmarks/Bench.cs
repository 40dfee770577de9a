using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server;
using RevenueShare.Server.Identity;

namespace RevenueShare.Benchmarks;

internal sealed class Bench : IAsyncDisposable
{
    private const int BatchSize = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly byte[] BookedMarker = Encoding.UTF8.GetBytes("\"status\":\"booked\"");

    private readonly BenchOptions options;
    private readonly Stores stores;
    private readonly string contracts;
    private readonly ReferenceData reference;
    private readonly Generator generator;
    private readonly IReadOnlyList<GeneratedAgreement> agreements;
    private readonly List<(string Figure, string Value, string Target, string Bound)> rows = [];

    private Bench(BenchOptions options)
    {
        this.options = options;
        stores = new Stores(options.Postgres, options.Keep);
        contracts = ContractsLocator.Find();
        reference = ContractsLocator.LoadReference(contracts);
        generator = new Generator(reference, options.Scale);
        agreements = generator.Agreements();
    }

    public List<string> Failures { get; } = [];

    private int ReportCount => generator.EnterpriseCount * 6 * 12;

    public static Task<Bench> CreateAsync(BenchOptions options) => Task.FromResult(new Bench(options));

    public async Task RunAsync()
    {
        if (options.OnlyRecovery)
        {
            await RecoveryAsync();
            return;
        }

        Console.WriteLine($"city-year: {agreements.Count} agreements ({string.Join(", ", agreements.GroupBy(a => a.Kind).Select(g => $"{g.Count()} {g.Key}"))}; "
            + $"{agreements.Count(a => a.DoubleCount)} with double-count statistics), {generator.EnterpriseCount} enterprises, {ReportCount} reports");
        var tax = Batches(Generator.Year(agreements, "tax"));
        var statistics = Batches(Generator.Year(agreements, "statistics"));

        var inProcess = await InProcessAsync(tax, statistics);
        var http = await HttpAsync(tax, statistics, inProcess);
        _ = http;
        if (!options.SkipRecovery)
        {
            await RecoveryAsync();
        }
    }

    private static List<FigureReportDocument[]> Batches(IEnumerable<FigureReportDocument> reports) => [.. reports.Chunk(BatchSize)];

    // ---------------------------------------------------------------- in-process

    private async Task<double> InProcessAsync(List<FigureReportDocument[]> tax, List<FigureReportDocument[]> statistics)
    {
        Console.WriteLine("in-process: starting the ledger without HTTP");
        var store = await stores.NewAsync("inproc");
        using var host = await StartLedgerAsync(store);
        var gateway = host.Services.GetRequiredService<LedgerGateway>();
        var reads = host.Services.GetRequiredService<ReadModel>();
        foreach (var agreement in agreements)
        {
            await ActivateInProcessAsync(gateway, agreement);
        }

        GC.Collect();
        var latencies = new ConcurrentBag<double>();
        var booked = 0;
        var watch = Stopwatch.StartNew();
        await using (var memory = new MemorySampler())
        {
            async Task Send(Principal office, List<FigureReportDocument[]> batches)
            {
                foreach (var batch in batches)
                {
                    var one = Stopwatch.StartNew();
                    var reports = new List<FigureReport>(batch.Length);
                    for (var i = 0; i < batch.Length; i++)
                    {
                        if (!FigureReportReader.TryRead(batch[i], $"$.reports[{i}]", reference, out var report, out var problems))
                        {
                            throw new InvalidOperationException($"generated report invalid: {problems[0].Message}");
                        }

                        reports.Add(report);
                    }

                    var outcomes = await gateway.BookAsync(office, reports, CancellationToken.None);
                    latencies.Add(Stats.Ms(one));
                    var ok = outcomes.Count(o => o.Status == ReportStatus.Booked);
                    if (ok != batch.Length)
                    {
                        var bad = outcomes.First(o => o.Status != ReportStatus.Booked);
                        throw new InvalidOperationException($"in-process: {batch.Length - ok} of {batch.Length} not booked, e.g. {bad.ReportId}: {bad.Rejection?.Message}");
                    }

                    Interlocked.Add(ref booked, ok);
                }
            }

            await Task.WhenAll(Send(Principal.Tax, tax), Send(Principal.Statistics, statistics));
            var acknowledged = watch.Elapsed;
            var december = new YearMonth(2025, 12);
            // A read gives up after the read barrier's 30 s (503 through HTTP): a store whose read side
            // is further behind than that (PostgreSQL here) is waited out, and the give-ups are counted.
            var gaveUp = 0;
            while (true)
            {
                try
                {
                    await reads.AllocationsAsync(new AllocationQuery(null, agreements[0].Proposer, null, december, december, ["tax", "statistics"], null), CancellationToken.None);
                    break;
                }
                catch (ReadSideUnavailableException)
                {
                    gaveUp++;
                }
            }

            watch.Stop();
            var rate = booked / watch.Elapsed.TotalSeconds;
            var list = latencies.ToList();
            Console.WriteLine($"in-process: {booked} reports, acknowledged in {acknowledged.TotalSeconds:F1} s, read side caught up at {watch.Elapsed.TotalSeconds:F1} s; {memory.Cpu}; {memory.GcCounts}");
            await memory.DisposeAsync();
            rows.Add(("ingest in-process (LedgerGateway), reports/s", $"{rate:F0}", "—", $"{booked} reports in {watch.Elapsed.TotalSeconds:F1} s (acked {acknowledged.TotalSeconds:F1} s); {memory.Cpu}{GaveUp(gaveUp)}"));
            rows.Add(("  batch latency p50 / p99 (in-process)", $"{Stats.Percentile(list, 0.5):F0} / {Stats.Percentile(list, 0.99):F0} ms", "—", "two offices sending in sequence"));
            rows.Add(("  peak working set / GC heap (in-process phase)", $"{Stats.Mib(memory.PeakWorkingSet)} / {Stats.Mib(memory.PeakHeap)}", "< 1 GiB", memory.GcCounts));
            return rate;
        }
    }

    private async Task ActivateInProcessAsync(LedgerGateway gateway, GeneratedAgreement agreement)
    {
        if (!AgreementDocumentReader.TryRead(agreement.Document, reference, out var terms, out var problems))
        {
            throw new InvalidOperationException($"generated agreement {agreement.Index} invalid: {string.Join("; ", problems.Select(p => p.Path + " " + p.Message))}");
        }

        var created = await gateway.CreateAsync(Principal.ForDistrict(agreement.Proposer), terms, CancellationToken.None);
        Check(created, "create");
        var id = created.State!.Id;
        Check(await gateway.SendAsync(new FireTrigger(id, Principal.ForDistrict(agreement.Proposer), LifecycleTrigger.Submit, null, null), CancellationToken.None), "submit");
        foreach (var party in agreement.Countersigners)
        {
            Check(await gateway.SendAsync(new FireTrigger(id, Principal.ForDistrict(party), LifecycleTrigger.Countersign, null, null), CancellationToken.None), "countersign");
        }

        Check(await gateway.SendAsync(new FireTrigger(id, Principal.Finance, LifecycleTrigger.Approve, "benchmark", null), CancellationToken.None), "approve");
    }

    private static void Check(RevenueShare.Ledger.Agreements.AgreementReply reply, string what)
    {
        if (reply.Rejection is not null)
        {
            throw new InvalidOperationException($"{what} refused: {reply.Rejection.Message}");
        }
    }

    private async Task<IHost> StartLedgerAsync(StoreOptions store)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IClock>(new FixedClock());
        builder.Services.AddSingleton(reference);
        builder.Services.AddLedger(store);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    // ---------------------------------------------------------------- HTTP

    private async Task<double> HttpAsync(List<FigureReportDocument[]> tax, List<FigureReportDocument[]> statistics, double inProcessRate)
    {
        Console.WriteLine("HTTP: starting the server on loopback");
        var store = await stores.NewAsync("http");
        var app = ServerHost.Build(new ServeOptions("http://127.0.0.1:0", store, false, contracts), builder =>
        {
            builder.Services.AddSingleton<IClock>(new FixedClock());
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromMinutes(5) };
            var tokenStore = app.Services.GetRequiredService<TokenStore>();
            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
            async Task<string> Token(string office)
            {
                if (!tokens.TryGetValue(office, out var token))
                {
                    Principal.TryParse(office, reference, out var principal, out _);
                    tokens[office] = token = (await tokenStore.CreateAsync(principal, FixedClock.Now)).Secret;
                }

                return token;
            }

            foreach (var office in new[] { "finance", "tax", "statistics" }.Concat(reference.Districts.Select(d => "district:" + d.Code)))
            {
                await Token(office);
            }

            var setup = Stopwatch.StartNew();
            await Parallel.ForEachAsync(agreements, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (agreement, _) =>
            {
                var created = await SendAsync(client, HttpMethod.Post, "/api/agreements", tokens["district:" + agreement.Proposer], JsonSerializer.SerializeToUtf8Bytes(agreement.Document, Json), HttpStatusCode.Created);
                var id = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;
                await SendAsync(client, HttpMethod.Post, $"/api/agreements/{id}/submit", tokens["district:" + agreement.Proposer], null, HttpStatusCode.OK);
                foreach (var party in agreement.Countersigners)
                {
                    await SendAsync(client, HttpMethod.Post, $"/api/agreements/{id}/countersign", tokens["district:" + party], null, HttpStatusCode.OK);
                }

                await SendAsync(client, HttpMethod.Post, $"/api/agreements/{id}/approve", tokens["finance"], Encoding.UTF8.GetBytes("{\"reason\":\"benchmark\"}"), HttpStatusCode.OK);
            });
            Console.WriteLine($"HTTP: {agreements.Count} agreements created and approved over HTTP in {setup.Elapsed.TotalSeconds:F1} s");

            // Bodies are serialized before the clock starts: the figure is the server's, not the client's JSON writer.
            byte[] Body(FigureReportDocument[] batch) => JsonSerializer.SerializeToUtf8Bytes(new FigureBatchBody(batch), Json);
            var taxBodies = tax.Select(Body).ToList();
            var statisticsBodies = statistics.Select(Body).ToList();
            var district = agreements[0].Proposer;

            GC.Collect();
            var (rate, elapsed) = await IngestHttpAsync(client, tokens, taxBodies, statisticsBodies, tax.Sum(b => b.Length) + statistics.Sum(b => b.Length), district);

            // The raw-store limit: the allocation rows this ingest produced, inserted straight into the same kind of store.
            await RawLimitAsync(app.Services.GetRequiredService<ReadDatabase>(), store, rate, elapsed);

            await RestatementsAsync(client, tokens, app.Services.GetRequiredService<ReadDatabase>(), district);
            await QueriesAsync(client, tokens["finance"], district);
            _ = inProcessRate;
            return rate;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed record FigureBatchBody(IReadOnlyList<FigureReportDocument> Reports);

    private async Task<(double Rate, TimeSpan Elapsed)> IngestHttpAsync(
        HttpClient client, Dictionary<string, string> tokens, List<byte[]> taxBodies, List<byte[]> statisticsBodies, int count, string district)
    {
        var latencies = new ConcurrentBag<double>();
        var booked = 0;
        var watch = Stopwatch.StartNew();
        await using var memory = new MemorySampler();
        async Task Send(string token, List<byte[]> bodies)
        {
            foreach (var body in bodies)
            {
                var one = Stopwatch.StartNew();
                var answer = await SendAsync(client, HttpMethod.Post, "/api/figures", token, body, HttpStatusCode.OK);
                latencies.Add(Stats.Ms(one));
                Interlocked.Add(ref booked, Count(answer, BookedMarker));
            }
        }

        // One stream per office, as reporters send (ReportIdIndex); --senders N splits each office's
        // batches over N concurrent streams, to see whether ingest is bound by latency or by work.
        static IEnumerable<List<byte[]>> Split(List<byte[]> bodies, int n) =>
            Enumerable.Range(0, n).Select(k => bodies.Where((_, i) => i % n == k).ToList());
        await Task.WhenAll(Split(taxBodies, options.Senders).Select(b => Send(tokens["tax"], b))
            .Concat(Split(statisticsBodies, options.Senders).Select(b => Send(tokens["statistics"], b))));
        var acknowledged = watch.Elapsed;
        var gaveUp = 0;
        while (await TrySendAsync(client, $"/api/allocations?district={district}&from=2025-12&to=2025-12", tokens["finance"]) == HttpStatusCode.ServiceUnavailable)
        {
            gaveUp++;
        }

        watch.Stop();
        var cpu = memory.Cpu;
        await memory.DisposeAsync();
        if (booked != count)
        {
            Failures.Add($"HTTP ingest booked {booked} of {count} reports");
        }

        var rate = booked / watch.Elapsed.TotalSeconds;
        var list = latencies.ToList();
        Console.WriteLine($"HTTP: {booked} reports, acknowledged in {acknowledged.TotalSeconds:F1} s, read side caught up at {watch.Elapsed.TotalSeconds:F1} s; {cpu}; {memory.GcCounts}");
        rows.Insert(0, ("ingest through HTTP (batches of 1,000), reports/s", $"{rate:F0}", "≥ 20,000", $"{booked} reports in {watch.Elapsed.TotalSeconds:F1} s (acked {acknowledged.TotalSeconds:F1} s); {cpu}{GaveUp(gaveUp)}"));
        rows.Insert(1, ("  batch latency p50 / p99 (HTTP)", $"{Stats.Percentile(list, 0.5):F0} / {Stats.Percentile(list, 0.99):F0} ms", "—", $"{2 * options.Senders} streams (tax, statistics) sending in sequence"));
        rows.Insert(2, ("  peak working set / GC heap (HTTP phase)", $"{Stats.Mib(memory.PeakWorkingSet)} / {Stats.Mib(memory.PeakHeap)}", "< 1 GiB", memory.GcCounts));
        var process = Process.GetCurrentProcess();
        process.Refresh();
        rows.Add(("peak working set, whole process (PeakWorkingSet64)", Stats.Mib(process.PeakWorkingSet64), "< 1 GiB", "includes the client, the bodies and earlier phases"));
        return (rate, watch.Elapsed);
    }

    private static int Count(byte[] haystack, byte[] needle)
    {
        var count = 0;
        var span = haystack.AsSpan();
        int at;
        while ((at = span.IndexOf(needle)) >= 0)
        {
            count++;
            span = span[(at + needle.Length)..];
        }

        return count;
    }

    /// <summary>A GET that answers 200 or 503 (the read side not caught up within the read barrier's limit).</summary>
    private static async Task<HttpStatusCode> TrySendAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable
            ? response.StatusCode
            : throw new InvalidOperationException($"GET {path}: expected 200 or 503, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 600)))}");
    }

    private static string GaveUp(int count) =>
        count == 0 ? string.Empty : $"; the closing read gave up {count} time(s) after the read barrier's 30 s before the read side caught up";

    private static async Task<byte[]> SendAsync(HttpClient client, HttpMethod method, string path, string token, byte[]? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 600)))}");
        }

        return bytes;
    }

    // ---------------------------------------------------------------- raw-store limit

    private static readonly string[] EntryColumns =
    [
        "agreement", "seq_nr", "idx", "enterprise", "indicator", "family", "month", "district", "amount_units", "kind",
        "cause", "ratio", "base_part", "shared_part", "cap_before", "cap_after", "double_count", "booked_at", "booked_by",
    ];

    private async Task RawLimitAsync(ReadDatabase database, StoreOptions store, double ingestRate, TimeSpan ingestElapsed)
    {
        var entries = new List<object?[]>();
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {string.Join(", ", EntryColumns)} FROM allocation_entries";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object?[EntryColumns.Length];
                reader.GetValues(row!);
                entries.Add(row);
            }
        }

        var table = "allocation_entries";
        string connectionString;
        if (stores.IsPostgres)
        {
            table = "raw_allocation_entries";
            connectionString = store.ReadConnectionString;
        }
        else
        {
            var file = Path.Combine(stores.Root, "raw", "raw.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            connectionString = $"Data Source={file}";
        }

        await using var target = await Stores.OpenAsync(connectionString, stores.IsPostgres);
        foreach (var statement in ReadSchema.Statements.Where(s => s.Contains("allocation_entries", StringComparison.Ordinal)))
        {
            await using var ddl = target.CreateCommand();
            ddl.CommandText = statement.Replace("allocation_entries", table, StringComparison.Ordinal).Replace("INDEX IF NOT EXISTS " + table, "INDEX IF NOT EXISTS raw_" + table, StringComparison.Ordinal);
            await ddl.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var transaction = await target.BeginTransactionAsync())
        await using (var insert = target.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", EntryColumns)}) VALUES ({string.Join(", ", EntryColumns.Select(c => "@" + c))})";
            var parameters = EntryColumns.Select((name, i) =>
            {
                var p = insert.CreateParameter();
                p.ParameterName = "@" + name; // as the projection names them: a bare name costs Microsoft.Data.Sqlite three lookups per row
                p.DbType = name switch
                {
                    "seq_nr" or "amount_units" => System.Data.DbType.Int64,
                    "idx" or "double_count" => System.Data.DbType.Int32,
                    _ => System.Data.DbType.String,
                };
                insert.Parameters.Add(p);
                return p;
            }).ToArray();
            await insert.PrepareAsync();
            foreach (var row in entries)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        long l when parameters[i].DbType == System.Data.DbType.Int32 => checked((int)l),
                        var v => v,
                    };
                }

                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        watch.Stop();
        var rowsPerSecond = entries.Count / watch.Elapsed.TotalSeconds;
        var reportsPerSecond = ReportCount / watch.Elapsed.TotalSeconds;
        var ratio = reportsPerSecond / ingestRate;
        Console.WriteLine($"raw limit: {entries.Count} allocation rows ({(double)entries.Count / ReportCount:F2} per report) inserted in {watch.Elapsed.TotalSeconds:F2} s");
        rows.Add(("raw-store limit: allocation rows, one prepared statement, one transaction", $"{rowsPerSecond:F0} rows/s = {reportsPerSecond:F0} reports/s", "—", $"{entries.Count} rows in {watch.Elapsed.TotalSeconds:F2} s"));
        rows.Add(("ratio raw limit / HTTP ingest", $"{ratio:F1}×", "≤ 4×", $"ingest {ingestElapsed.TotalSeconds:F1} s vs raw {watch.Elapsed.TotalSeconds:F2} s for the same year"));
    }

    // ---------------------------------------------------------------- restatements

    private async Task RestatementsAsync(HttpClient client, Dictionary<string, string> tokens, ReadDatabase database, string district)
    {
        var random = new Random(Generator.Seed + 4);
        var enterprises = agreements.SelectMany(a => a.Enterprises).ToArray();
        var count = Math.Max(2, ReportCount / 100);
        var chosen = new HashSet<(string, string, int)>();
        var restated = new List<FigureReportDocument>();
        var indicators = Generator.TaxIndicators.Concat(Generator.StatisticsIndicators).ToArray();
        while (restated.Count < count)
        {
            var key = (enterprises[random.Next(enterprises.Length)], indicators[random.Next(indicators.Length)], 1 + random.Next(12));
            if (chosen.Add(key))
            {
                restated.Add(Generator.Report(random, key.Item1, key.Item2, 2025, key.Item3, 2));
            }
        }

        byte[] Body(FigureReportDocument[] batch) => JsonSerializer.SerializeToUtf8Bytes(new FigureBatchBody(batch), Json);
        var tax = restated.Where(r => Generator.TaxIndicators.Contains(r.Indicator)).Chunk(BatchSize).Select(Body).ToList();
        var statistics = restated.Where(r => !Generator.TaxIndicators.Contains(r.Indicator)).Chunk(BatchSize).Select(Body).ToList();
        var before = await CountAdjustmentsAsync(database);
        var booked = 0;
        var watch = Stopwatch.StartNew();
        async Task Send(string token, List<byte[]> bodies)
        {
            foreach (var body in bodies)
            {
                Interlocked.Add(ref booked, Count(await SendAsync(client, HttpMethod.Post, "/api/figures", token, body, HttpStatusCode.OK), BookedMarker));
            }
        }

        await Task.WhenAll(Send(tokens["tax"], tax), Send(tokens["statistics"], statistics));
        await SendAsync(client, HttpMethod.Get, $"/api/allocations?district={district}&from=2025-12&to=2025-12", tokens["finance"], null, HttpStatusCode.OK);
        watch.Stop();
        var adjustments = await CountAdjustmentsAsync(database) - before;
        if (booked != restated.Count)
        {
            Failures.Add($"restatements booked {booked} of {restated.Count}");
        }

        Console.WriteLine($"restatements: {booked} booked (revision 2), {adjustments} adjustment entries, {watch.Elapsed.TotalSeconds:F2} s");
        rows.Add(("restatements (1% of the year, revision 2), adjustments/s", $"{adjustments / watch.Elapsed.TotalSeconds:F0}", "—",
            $"{booked} restated → {adjustments} adjustment entries in {watch.Elapsed.TotalSeconds:F2} s ({booked / watch.Elapsed.TotalSeconds:F0} restatements/s)"));
    }

    private static async Task<long> CountAdjustmentsAsync(ReadDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM allocation_entries WHERE kind = 'adjustment'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- queries

    /// <summary>
    /// <c>--only queries --store DIR</c>: the query phase alone against a kept store, so queries can be
    /// timed again without a new ingest. The host start includes the projection catching up (or
    /// rebuilding the read tables after a schema change).
    /// </summary>
    public async Task QueriesOnlyAsync(string store)
    {
        var options = stores.IsPostgres ? StoreOptions.PostgreSql(store) : StoreOptions.Sqlite(store);
        if (!stores.IsPostgres && !File.Exists(Path.Combine(options.DataDirectory, "journal.db")))
        {
            throw new InvalidOperationException($"no store under {options.DataDirectory}");
        }

        Console.WriteLine($"queries only: starting the server on {store}");
        var start = Stopwatch.StartNew();
        var app = ServerHost.Build(new ServeOptions("http://127.0.0.1:0", options, false, contracts), builder =>
        {
            builder.Services.AddSingleton<IClock>(new FixedClock());
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromMinutes(5) };
            var tokenStore = app.Services.GetRequiredService<TokenStore>();
            var finance = (await tokenStore.CreateAsync(Principal.Finance, FixedClock.Now)).Secret;

            // The first read waits for the projection to have caught up with the journal.
            await SendAsync(client, HttpMethod.Get, "/api/agreements", finance, null, HttpStatusCode.OK);
            start.Stop();
            Console.WriteLine($"queries only: host started and read side caught up in {start.Elapsed.TotalSeconds:F1} s");
            rows.Add(("host start on the kept store, read side caught up", $"{start.Elapsed.TotalSeconds:F1} s", "—", "includes a rebuild of the read tables if their schema changed"));
            await QueriesAsync(client, finance, agreements[0].Proposer);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task QueriesAsync(HttpClient client, string finance, string district)
    {
        var repeats = options.Quick ? 1 : 7;
        await QueryAsync(client, finance, "allocations, one district and month (GET /api/allocations)", $"/api/allocations?district={district}&from=2025-06&to=2025-06", repeats, required: true);
        await QueryAsync(client, finance, "reconciliation for a month (GET /api/reconciliation)", "/api/reconciliation?month=2025-06", repeats, required: false);
        await QueryAsync(client, finance, "year-end settlement (GET /api/settlement)", "/api/settlement?year=2025", repeats, required: false);
        await QueryAsync(client, finance, "district statement for the year (GET /api/districts/{code}/statement)", $"/api/districts/{district}/statement?from=2025-01&to=2025-12", repeats, required: false);
        if (options.Answers is not null)
        {
            // Only to compare two builds' answers: the other forms and ranges, once each.
            await QueryAsync(client, finance, "compare", "/api/reconciliation?month=2025-12&format=csv", 1, required: true);
            await QueryAsync(client, finance, "compare", "/api/settlement?year=2025&format=csv", 1, required: true);
            await QueryAsync(client, finance, "compare", "/api/settlement?year=2024", 1, required: true);
            await QueryAsync(client, finance, "compare", "/api/districts/440106/statement?from=2025-03&to=2025-08&format=csv", 1, required: true);
            foreach (var code in reference.Districts.Select(d => d.Code))
            {
                await QueryAsync(client, finance, "compare", $"/api/districts/{code}/statement?from=2025-01&to=2025-12", 1, required: true);
            }

            rows.RemoveAll(r => r.Figure == "compare");
        }
    }

    private async Task QueryAsync(HttpClient client, string token, string name, string path, int repeats, bool required)
    {
        var times = new List<double>();
        var size = 0;
        var last = Array.Empty<byte>();
        for (var i = 0; i < repeats; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                if (required)
                {
                    Failures.Add($"{path}: {(int)response.StatusCode}");
                }

                rows.Add((name, "n/a (route not present)", "< 200 ms", $"GET {path} answered {(int)response.StatusCode}"));
                return;
            }

            size = body.Length;
            last = body;
            times.Add(Stats.Ms(watch));
        }

        rows.Add((name, $"{Stats.Percentile(times, 0.5):F0} ms (max {times.Max():F0})", "< 200 ms", $"median of {repeats}; {size / 1024} KiB answer"));
        if (options.Answers is not null)
        {
            Directory.CreateDirectory(options.Answers);
            var file = new string(path.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray()) + ".json";
            await File.WriteAllBytesAsync(Path.Combine(options.Answers, file), last);
        }
    }

    // ---------------------------------------------------------------- recovery

    private async Task RecoveryAsync()
    {
        var largest = generator.Largest();
        var store = await stores.NewAsync("recovery");
        var total = largest.Enterprises.Count * 60 * 6;

        // Enough batches for several snapshots (one every 50 events) at any scale; at scale 1 batches of 1,000.
        var batch = Math.Clamp((int)Math.Ceiling(total / 360.0), 1, BatchSize);
        Console.WriteLine($"recovery: building the largest agreement, {largest.Enterprises.Count} enterprises × 60 months × 6 indicators = {total} figures, batches of {batch}");
        string id;
        var build = Stopwatch.StartNew();
        using (var host = await StartLedgerAsync(store))
        {
            var gateway = host.Services.GetRequiredService<LedgerGateway>();
            AgreementDocumentReader.TryRead(largest.Document, reference, out var terms, out var problems);
            if (terms is null)
            {
                throw new InvalidOperationException($"largest agreement invalid: {string.Join("; ", problems.Select(p => p.Path + " " + p.Message))}");
            }

            var created = await gateway.CreateAsync(Principal.ForDistrict(largest.Proposer), terms, CancellationToken.None);
            Check(created, "create");
            id = created.State!.Id;
            Check(await gateway.SendAsync(new FireTrigger(id, Principal.ForDistrict(largest.Proposer), LifecycleTrigger.Submit, null, null), CancellationToken.None), "submit");
            foreach (var party in largest.Countersigners)
            {
                Check(await gateway.SendAsync(new FireTrigger(id, Principal.ForDistrict(party), LifecycleTrigger.Countersign, null, null), CancellationToken.None), "countersign");
            }

            Check(await gateway.SendAsync(new FireTrigger(id, Principal.Finance, LifecycleTrigger.Approve, "benchmark", null), CancellationToken.None), "approve");

            var random = new Random(Generator.Seed + 5);
            async Task Send(Principal office, string[] indicators)
            {
                // Enterprise by enterprise, so each batch recomputes few enterprises: building the subject is not what is measured.
                var reports = largest.Enterprises.SelectMany(e => Enumerable.Range(0, 60).SelectMany(m => indicators.Select(i => (e, m, i))))
                    .Select(x => Generator.Report(random, x.e, x.i, 2025 + (x.m / 12), 1 + (x.m % 12), 1));
                foreach (var chunk in reports.Chunk(batch))
                {
                    var parsed = chunk.Select(d => FigureReportReader.TryRead(d, "$", reference, out var r, out _) ? r : throw new InvalidOperationException("bad report")).ToList();
                    var outcomes = await gateway.BookAsync(office, parsed, CancellationToken.None);
                    if (outcomes.Any(o => o.Status != ReportStatus.Booked))
                    {
                        var bad = outcomes.First(o => o.Status != ReportStatus.Booked);
                        throw new InvalidOperationException($"largest agreement: {bad.ReportId} not booked: {bad.Rejection?.Message}");
                    }
                }
            }

            await Send(Principal.Tax, Generator.TaxIndicators);
            await Send(Principal.Statistics, Generator.StatisticsIndicators);
            await host.StopAsync();
        }

        Console.WriteLine($"recovery: built in {build.Elapsed.TotalSeconds:F1} s");
        // The first start after the build also runs the read side's catch-up with the events the stopped
        // host had not projected yet (CPU and disk beside the recovery); the second start is recovery alone.
        var withSnapshotFirst = await RecoverAsync(store, id, total);
        var withSnapshot = await RecoverAsync(store, id, total);
        var stepsWithSnapshot = await BreakdownAsync(store, id, useSnapshot: true);
        var deleted = await stores.DeleteSnapshotsAsync(store);
        var withoutSnapshot = await RecoverAsync(store, id, total);
        var stepsWithout = await BreakdownAsync(store, id, useSnapshot: false);
        rows.Add(("recovery of the largest agreement, from its snapshot", $"{withSnapshot.Get:F0} ms", "< 1 s", $"{total} figures; GetAsync after a fresh host start (start {withSnapshot.Start:F0} ms); peak working set {Stats.Mib(withSnapshot.PeakWorkingSet)}"));
        rows.Add(("  the same, first start after the build", $"{withSnapshotFirst.Get:F0} ms", "—", $"beside the read side catching up (start {withSnapshotFirst.Start:F0} ms); peak working set {Stats.Mib(withSnapshotFirst.PeakWorkingSet)}"));
        rows.Add(("  its steps, outside the actor (from snapshot)", $"{stepsWithSnapshot.Total:F0} ms", "—", stepsWithSnapshot.ToString()));
        rows.Add(("recovery of the largest agreement, without snapshot", $"{withoutSnapshot.Get:F0} ms", "—", $"replays every event ({deleted} snapshot rows deleted; start {withoutSnapshot.Start:F0} ms); peak working set {Stats.Mib(withoutSnapshot.PeakWorkingSet)}"));
        rows.Add(("  its steps, outside the actor (without snapshot)", $"{stepsWithout.Total:F0} ms", "—", stepsWithout.ToString()));
    }

    /// <summary>The recovery's steps timed one by one (<see cref="RecoveryBreakdown"/>), after a full collection.</summary>
    private async Task<RecoveryBreakdown.Steps> BreakdownAsync(StoreOptions store, string id, bool useSnapshot)
    {
        GC.Collect();
        var steps = await RecoveryBreakdown.MeasureAsync(store, stores.IsPostgres, id, useSnapshot);
        Console.WriteLine($"recovery steps ({(useSnapshot ? "from snapshot" : "without snapshot")}): {steps}");
        GC.Collect();
        return steps;
    }

    private async Task<(double Start, double Get, long PeakWorkingSet)> RecoverAsync(StoreOptions store, string id, int figures)
    {
        GC.Collect();
        var start = Stopwatch.StartNew();
        using var host = await StartLedgerAsync(store);
        start.Stop();
        var gateway = host.Services.GetRequiredService<LedgerGateway>();
        var get = Stopwatch.StartNew();
        var memory = new MemorySampler();
        var state = await gateway.GetAsync(id, CancellationToken.None);
        get.Stop();
        await memory.DisposeAsync();
        var peak = memory.PeakWorkingSet;
        var heap = memory.PeakHeap;

        var count = state?.Books.Values.Sum(b => b.FigureCount) ?? 0;
        if (count != figures)
        {
            Failures.Add($"recovered agreement {id} holds {count} figures, expected {figures}");
        }

        Console.WriteLine($"recovery: host start {Stats.Ms(start):F0} ms, GetAsync {Stats.Ms(get):F0} ms, {count} figures, peak working set {Stats.Mib(peak)}, peak GC heap {Stats.Mib(heap)}");
        await host.StopAsync();
        return (Stats.Ms(start), Stats.Ms(get), peak);
    }

    // ---------------------------------------------------------------- report

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"| figure ({(stores.IsPostgres ? "PostgreSQL" : "SQLite")}, scale {options.Scale.ToString(CultureInfo.InvariantCulture)}, {ReportCount} reports) | value | target | observed |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (figure, value, target, bound) in rows)
        {
            Console.WriteLine($"| {figure} | {value} | {target} | {bound} |");
        }

        foreach (var failure in Failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }
    }

    public ValueTask DisposeAsync() => stores.DisposeAsync();
}
