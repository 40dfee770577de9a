namespace RevenueShare.Domain;

/// <summary>
/// One thing wrong with an input, at its JSON path (<c>$.terms[0].schedule[1].ratios</c>).
/// Validation reports every problem it finds, not just the first.
/// </summary>
public sealed record ValidationProblem(string Path, string Message);
