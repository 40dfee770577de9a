namespace RevenueShare.Server.Api.Wire;

/// <summary>The optional body of a certification: the indicators to certify (none: every indicator of the caller's family a derived amount needs).</summary>
public sealed record CertifyRequest(IReadOnlyList<string?>? Indicators);
