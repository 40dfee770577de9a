using System.Net;
using System.Text.Json;

namespace RevenueShare.Server.Tests.Support;

/// <summary>An RFC 7807 answer as read back by a client, checked for the shape docs/interfaces.md, Errors, promises.</summary>
internal sealed record Problem(int Status, string Type, string Title, string? Detail, IReadOnlyList<(string Path, string Message)> Errors)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var errors = root.TryGetProperty("errors", out var list)
            ? list.EnumerateArray().Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!)).ToArray()
            : [];
        var problem = new Problem(
            root.GetProperty("status").GetInt32(),
            root.GetProperty("type").GetString()!,
            root.GetProperty("title").GetString()!,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            errors);
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }
}
