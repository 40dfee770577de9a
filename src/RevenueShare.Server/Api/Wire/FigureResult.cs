using Microsoft.AspNetCore.Mvc;

namespace RevenueShare.Server.Api.Wire;

/// <summary>One report's outcome: <c>booked</c>, <c>duplicate</c> or <c>rejected</c> (then with <see cref="Error"/>).</summary>
public sealed record FigureResult(string? ReportId, string Status, string? Agreement, ProblemDetails? Error);
