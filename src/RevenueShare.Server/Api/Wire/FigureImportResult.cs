using Microsoft.AspNetCore.Mvc;

namespace RevenueShare.Server.Api.Wire;

/// <summary>One line's outcome, as in a figure batch, with its line number (the header is line 1).</summary>
public sealed record FigureImportResult(int Line, string? ReportId, string Status, string? Agreement, ProblemDetails? Error);
