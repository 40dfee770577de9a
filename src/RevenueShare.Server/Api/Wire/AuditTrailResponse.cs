namespace RevenueShare.Server.Api.Wire;

public sealed record AuditTrailResponse(string Agreement, IReadOnlyList<AuditEventView> Events);
