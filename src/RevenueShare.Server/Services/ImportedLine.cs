namespace RevenueShare.Server.Services;

/// <summary>One line of an imported figures file and its outcome; <see cref="Line"/> counts the header as line 1.</summary>
public sealed record ImportedLine(int Line, ReportLineOutcome Outcome);
