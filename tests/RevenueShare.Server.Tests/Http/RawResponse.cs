namespace RevenueShare.Server.Tests.Http;

/// <summary>An answer read off the wire: its status, headers (by name, any case) and body as text.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("Content-Type", out var type) ? type : null;
}
