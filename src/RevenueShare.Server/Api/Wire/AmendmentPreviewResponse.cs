namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// What approving a pending amendment would book, before it is approved: the change per district and
/// indicator, and each adjustment entry. <see cref="Blocked"/> says why approval would be refused now,
/// null when it would go through.
/// </summary>
public sealed record AmendmentPreviewResponse(
    string Agreement,
    int Amendment,
    string From,
    string? Blocked,
    IReadOnlyList<AmendmentChangeView> Changes,
    IReadOnlyList<AmendmentEntryView> Entries);
