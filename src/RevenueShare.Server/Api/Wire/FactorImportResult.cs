using Microsoft.AspNetCore.Mvc;

namespace RevenueShare.Server.Api.Wire;

/// <summary>One factor report of an imported file: its lines (the header is line 1), <c>booked</c>, <c>duplicate</c> or <c>rejected</c> (then with <see cref="Error"/>).</summary>
public sealed record FactorImportResult(IReadOnlyList<int> Lines, string? ReportId, string Status, ProblemDetails? Error);
