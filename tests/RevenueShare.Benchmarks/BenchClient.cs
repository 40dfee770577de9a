using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RevenueShare.Domain.Documents;

namespace RevenueShare.Benchmarks;

/// <summary>
/// How the HTTP phases talk to the server: one client on its address, bearer tokens, requests that must
/// answer a given status, figure batches as request bodies, and a batch the ledger refuses as busy
/// (429) sent again after its Retry-After, as a reporter would.
/// </summary>
internal sealed class BenchClient(Uri address) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly byte[] BookedMarker = Encoding.UTF8.GetBytes("\"status\":\"booked\"");

    private int refused;

    public HttpClient Http { get; } = new() { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>Batches answered 429 (the ledger busy) and sent again after their Retry-After.</summary>
    public int Refused => refused;

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

    public async Task<byte[]> SendAsync(HttpMethod method, string path, string token, byte[]? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await Http.SendAsync(request);
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
        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable
            ? response.StatusCode
            : throw new InvalidOperationException($"GET {path}: expected 200 or 503, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 600)))}");
    }

    public void Dispose() => Http.Dispose();

    private sealed record FigureBatchBody(IReadOnlyList<FigureReportDocument> Reports);
}
