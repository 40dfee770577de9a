using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server;
using RevenueShare.Server.Identity;

namespace RevenueShare.Benchmarks;

/// <summary>
/// The server on loopback over one store, on the fixed clock, and how the HTTP phases talk to it:
/// bearer tokens, requests that must answer a given status, figure batches as request bodies.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly byte[] BookedMarker = Encoding.UTF8.GetBytes("\"status\":\"booked\"");

    private readonly WebApplication app;
    private int refused;

    private BenchServer(WebApplication app)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Client { get; }

    public static readonly TimeSpan PassivateAfter = TimeSpan.FromSeconds(15);

    public ReadDatabase Database => app.Services.GetRequiredService<ReadDatabase>();

    /// <summary>How far the read side lags behind acknowledged writes now.</summary>
    public TimeSpan Lag => app.Services.GetRequiredService<ReadBarrier>().Lag;

    /// <summary>Batches answered 429 (the ledger busy) and sent again after their Retry-After.</summary>
    public int Refused => refused;

    public Task<int> LiveAgreementsAsync() =>
        app.Services.GetRequiredService<ActorRegistry>().Get<AgreementRegion>().Ask<int>(CountLiveAgreements.Instance, TimeSpan.FromSeconds(10));

    /// <param name="backlog">The projection backlogs to admit (<see cref="LedgerOptions.ProjectionBacklog"/>, <see cref="LedgerOptions.ReadingBacklog"/>); null: the defaults.</param>
    public static async Task<BenchServer> StartAsync(StoreOptions store, string contracts, (int Idle, int Reading)? backlog = null)
    {
        var app = ServerHost.Build(new ServeOptions("http://127.0.0.1:0", store, false, contracts), builder =>
        {
            builder.Services.AddSingleton<IClock>(new FixedClock());

            // Idle agreements leave memory after 15 s rather than 2 min, so the load phase can watch it.
            var defaults = new LedgerOptions();
            builder.Services.AddSingleton(new LedgerOptions
            {
                PassivateAfter = PassivateAfter,
                ProjectionBacklog = backlog?.Idle ?? defaults.ProjectionBacklog,
                ReadingBacklog = backlog?.Reading ?? defaults.ReadingBacklog,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        return new BenchServer(app);
    }

    /// <summary>A document as the API reads it.</summary>
    public static byte[] Body<T>(T document) => JsonSerializer.SerializeToUtf8Bytes(document, Json);

    /// <summary>A batch as <c>POST /api/figures</c> reads it.</summary>
    public static byte[] Batch(FigureReportDocument[] batch) => Body(new FigureBatchBody(batch));

    /// <summary>The reports an answer of <c>POST /api/figures</c> says were booked, counted without parsing it.</summary>
    public static int Booked(byte[] answer)
    {
        var count = 0;
        var span = answer.AsSpan();
        int at;
        while ((at = span.IndexOf(BookedMarker)) >= 0)
        {
            count++;
            span = span[(at + BookedMarker.Length)..];
        }

        return count;
    }

    public async Task<string> TokenAsync(Principal principal) =>
        (await app.Services.GetRequiredService<TokenStore>().CreateAsync(principal, FixedClock.Now)).Secret;

    /// <summary>A token for each office, by its principal id.</summary>
    public async Task<Dictionary<string, string>> TokensAsync(IEnumerable<string> offices, ReferenceData reference)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var office in offices)
        {
            Principal.TryParse(office, reference, out var principal, out _);
            tokens[office] = await TokenAsync(principal);
        }

        return tokens;
    }

    public async Task<byte[]> SendAsync(HttpMethod method, string path, string token, byte[]? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // A busy ledger refuses a batch before booking any of it: a reporter sends it again after Retry-After.
        if (response.StatusCode == HttpStatusCode.TooManyRequests && expected != HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref refused);
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            return await SendAsync(method, path, token, body, expected);
        }

        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 600)))}");
        }

        return bytes;
    }

    /// <summary>A GET that answers 200 or 503 (the read side not caught up within the read barrier's limit).</summary>
    public async Task<HttpStatusCode> TrySendAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable
            ? response.StatusCode
            : throw new InvalidOperationException($"GET {path}: expected 200 or 503, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 600)))}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed record FigureBatchBody(IReadOnlyList<FigureReportDocument> Reports);
}
