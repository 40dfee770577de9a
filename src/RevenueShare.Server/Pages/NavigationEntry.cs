namespace RevenueShare.Server.Pages;

/// <summary>One job in an office's left navigation: its Chinese label and the page's path.</summary>
public sealed record NavigationEntry(string Label, string Path);
