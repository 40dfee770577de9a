namespace RevenueShare.Domain.Reference;

/// <summary>A district by its administrative division code (e.g. 440106 天河区).</summary>
public sealed record District(string Code, string Name);
