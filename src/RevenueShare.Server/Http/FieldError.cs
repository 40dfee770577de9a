namespace RevenueShare.Server.Http;

/// <summary>
/// One thing wrong with a request, located by the JSON path of the offending field
/// (<c>$.reports[0].revision</c>) so a client can point at it without parsing prose.
/// </summary>
public sealed record FieldError(string Path, string Message);
